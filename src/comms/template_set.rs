//! The template registry: which templates a host uses, which fact keys and recipient
//! fields they may refer to, and the checks a template passes to get in.

use std::collections::{BTreeMap, BTreeSet};

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Serialize};

use super::builtin_templates::{
    builtin_templates, faqs_for_securities, surveys_with_recommendation,
};
use super::template::Slot;
use super::template_syntax::{valid_field_name, Segment};
use super::{
    required_elements, Audience, Channel, ContentElement, Country, MessageKind, Template,
    TemplateError, WellKnownKey,
};
use crate::id::FactKey;
use crate::locale::Locale;

/// The registry of templates: the built-in ones (zh-CN, zh-HK and en for every
/// [`MessageKind`]), the host's, and the fact keys and recipient fields templates may use.
///
/// Registration is where templates are checked, so that a typo surfaces when the template
/// is loaded, not in the ten-millionth notice: every placeholder must name a well-known
/// ([`WellKnownKey`]) or declared fact key or a declared recipient field, and the template
/// must carry the content its kind requires ([`required_elements`]) for its audience, or
/// for every audience when it has none.
///
/// A host template replaces the template of the same kind, locale and audience, built-in
/// or not. Serialized, a set is the host's part only (declarations and templates, plus
/// whether the built-ins are included); deserializing registers everything again, so a
/// stored set cannot skip validation.
///
/// # Examples
/// ```
/// use incident::comms::{Audience, MessageKind, Template, TemplateSet};
/// use incident::id::TemplateId;
/// use incident::locale::Locale;
///
/// let mut set = TemplateSet::builtin();
/// set.declare_recipient_field("offer")?;
/// let sms = Template::builder(TemplateId::new("acme.sms.initial")?, MessageKind::InitialNotice, Locale::En)
///     .audience(Audience::AffectedCustomers)
///     .body("{{firm_name}}, {{issued_at}}: on {{occurred_at}} we found ({{how_discovered}}) that \
///            {{affected_scope}} We have {{measures_taken}} {{what_to_do}} {{compensation_offer}} \
///            Your offer: {{recipient.offer}}. Help: {{contact_points}}, {{case_owner}}. \
///            {{complaint_channels}} Next update by {{next_update_at}}.")
///     .build()?;
/// set.register(sms)?;
/// let t = set.lookup(MessageKind::InitialNotice, Locale::En, Audience::AffectedCustomers).unwrap();
/// assert_eq!(t.id().as_str(), "acme.sms.initial");
/// // Other audiences still get the built-in notice.
/// let t = set.lookup(MessageKind::InitialNotice, Locale::En, Audience::AllCustomers).unwrap();
/// assert_eq!(t.id().as_str(), "builtin.initial_notice.en");
///
/// // A template without contact points is refused when registered.
/// let bad = Template::builder(TemplateId::new("acme.bad")?, MessageKind::InitialNotice, Locale::En)
///     .audience(Audience::AffectedCustomers)
///     .body("{{occurred_at}} {{how_discovered}} {{affected_scope}} {{measures_taken}}")
///     .build()?;
/// let err = set.register(bad).unwrap_err();
/// assert!(err.to_string().contains("contact_points"), "{err}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateSet {
    builtin: bool,
    country: Country,
    fact_keys: BTreeMap<FactKey, Option<ContentElement>>,
    recipient_fields: BTreeSet<String>,
    templates: BTreeMap<Slot, Template>,
    host: BTreeSet<Slot>,
}

impl Default for TemplateSet {
    /// The built-in set.
    fn default() -> Self {
        Self::builtin()
    }
}

impl TemplateSet {
    /// A set with no templates: for hosts that ship all their own.
    pub fn empty() -> Self {
        Self {
            builtin: false,
            country: Country::default(),
            fact_keys: BTreeMap::new(),
            recipient_fields: BTreeSet::new(),
            templates: BTreeMap::new(),
            host: BTreeSet::new(),
        }
    }

    /// The built-in templates: zh-CN, zh-HK and en for every message kind, for any
    /// audience, in Markdown (they render to plain text too), with ids
    /// `builtin.<kind>.<locale>`. The identity-theft guide names the help available in
    /// mainland China ([`Country::Cn`]); see [`TemplateSet::builtin_for`] for other places.
    ///
    /// The survey asks for agreement with statements on a 1–5 scale and does not ask how
    /// likely the reader is to recommend the firm: right after a breach that question reads
    /// as tone-deaf. [`TemplateSet::add_recommendation_question`] opts in.
    pub fn builtin() -> Self {
        Self::builtin_for(Country::Cn)
    }

    /// The built-in templates, with the identity-theft guide naming where readers in
    /// `country` can get help (police and scam lines, credit reports, freezes, complaint
    /// channels), from the table in [`identity_theft_resources`](crate::comms::identity_theft_resources).
    /// English readers of a Chinese firm get the [`Country::Cn`] facts in English.
    ///
    /// # Examples
    /// ```
    /// use incident::comms::{Audience, Country, MessageKind, TemplateSet};
    /// use incident::locale::Locale;
    ///
    /// let set = TemplateSet::builtin_for(Country::Uk);
    /// let guide = set.lookup(MessageKind::IdentityTheftGuide, Locale::En, Audience::AffectedCustomers).unwrap();
    /// assert!(guide.body().contains("reportfraud.police.uk"));
    /// assert_eq!(set.country(), Country::Uk);
    /// ```
    pub fn builtin_for(country: Country) -> Self {
        let mut set = Self::empty();
        set.builtin = true;
        set.country = country;
        for t in builtin_templates(country) {
            // Checked by a unit test; one that failed would be left out rather than panic.
            if set.validate(&t).is_ok() {
                set.templates.insert(t.slot(), t);
            }
        }
        set
    }

    /// The country whose help the built-in identity-theft guide names.
    pub fn country(&self) -> Country {
        self.country
    }

    /// Replaces the survey for every audience, in every language, with the built-in variant
    /// that also asks how likely the reader is to recommend the firm (0–10, the NPS
    /// question). Off by default: after a breach, asking for a recommendation reads as
    /// tone-deaf; a firm may still want it later, e.g. in a survey sent months after the
    /// resolution. The variants have ids `builtin.survey_with_recommendation.<locale>` and
    /// are stored with the set like host templates.
    ///
    /// # Errors
    /// What [`TemplateSet::register`] reports; the built-in variants pass.
    pub fn add_recommendation_question(&mut self) -> Result<(), TemplateError> {
        for template in surveys_with_recommendation() {
            self.register(template)?;
        }
        Ok(())
    }

    /// Replaces the FAQ for every audience, in every language, with the built-in variant for
    /// securities firms, which also answers how a frozen account is released and whether
    /// shares sold without the client's consent are restored (the `account_unfreeze` and
    /// `positions_restored` facts). The variants have ids `builtin.faq_securities.<locale>`.
    ///
    /// # Errors
    /// What [`TemplateSet::register`] reports; the built-in variants pass.
    pub fn add_securities_questions(&mut self) -> Result<(), TemplateError> {
        for template in faqs_for_securities() {
            self.register(template)?;
        }
        Ok(())
    }

    /// Lets templates use a host fact key, e.g. `ioc.c2_address` or `hotline_hours`, and
    /// says which required content element it provides, if any. Declaring a key again
    /// replaces its element.
    ///
    /// # Errors
    /// [`TemplateError::ReservedFactKey`] for a well-known key or one starting with
    /// `recipient.`.
    pub fn declare_fact_key(
        &mut self,
        key: FactKey,
        element: Option<ContentElement>,
    ) -> Result<(), TemplateError> {
        if WellKnownKey::from_key(key.as_str()).is_some() || key.as_str().starts_with("recipient.")
        {
            return Err(TemplateError::ReservedFactKey { key });
        }
        self.fact_keys.insert(key, element);
        Ok(())
    }

    /// Lets templates use `{{recipient.<name>}}`: a per-recipient value such as the
    /// compensation offer or a case reference, supplied in [`Recipient::fields`](crate::comms::Recipient::fields).
    ///
    /// # Errors
    /// [`TemplateError::BadRecipientField`] unless the name is 1 to 64 of `[a-z0-9_]`.
    pub fn declare_recipient_field(
        &mut self,
        name: impl Into<String>,
    ) -> Result<(), TemplateError> {
        let name = name.into();
        if !valid_field_name(&name) {
            return Err(TemplateError::BadRecipientField { field: name });
        }
        self.recipient_fields.insert(name);
        Ok(())
    }

    /// Whether templates in this set may use `key`.
    pub fn knows_fact_key(&self, key: &str) -> bool {
        WellKnownKey::from_key(key).is_some() || self.fact_keys.keys().any(|k| k.as_str() == key)
    }

    fn element_of(&self, key: &FactKey) -> Option<ContentElement> {
        match WellKnownKey::from_key(key.as_str()) {
            Some(k) => k.element(),
            None => self.fact_keys.get(key).copied().flatten(),
        }
    }

    /// The content elements `template`'s placeholders provide, by the well-known table and
    /// the host's declarations: what a [`NoticeDraft`](crate::comms::NoticeDraft) made from it
    /// carries.
    pub fn elements(&self, template: &Template) -> BTreeSet<ContentElement> {
        template
            .fact_keys()
            .filter_map(|k| self.element_of(k))
            .collect()
    }

    /// Checks `template` as [`TemplateSet::register`] would, without registering it.
    ///
    /// # Errors
    /// [`TemplateError::UnknownFactKey`], [`TemplateError::UnknownRecipientField`] (the
    /// first in the text, with its position), then [`TemplateError::MissingElements`]
    /// listing every missing element.
    pub fn validate(&self, template: &Template) -> Result<(), TemplateError> {
        for (part, segment) in template.segments() {
            match segment {
                Segment::Fact { key, at } if !self.knows_fact_key(key.as_str()) => {
                    let known = WellKnownKey::ALL
                        .iter()
                        .map(|k| k.as_str())
                        .chain(self.fact_keys.keys().map(FactKey::as_str));
                    return Err(TemplateError::UnknownFactKey {
                        template: template.id().clone(),
                        part,
                        at: template.position(part, *at),
                        key: key.clone(),
                        suggestion: closest(key.as_str(), known),
                    });
                }
                Segment::Field { name, at } if !self.recipient_fields.contains(name) => {
                    return Err(TemplateError::UnknownRecipientField {
                        template: template.id().clone(),
                        part,
                        at: template.position(part, *at),
                        field: name.clone(),
                        suggestion: closest(name, self.recipient_fields.iter().map(String::as_str)),
                    });
                }
                _ => {}
            }
        }
        if template.channel().is_some_and(Channel::is_short) {
            return self.validate_short(template);
        }
        let provided = self.elements(template);
        let required: BTreeSet<ContentElement> = match template.audience() {
            Some(a) => required_elements(template.kind(), a)
                .iter()
                .copied()
                .collect(),
            None => Audience::ALL
                .iter()
                .flat_map(|a| required_elements(template.kind(), *a).iter().copied())
                .collect(),
        };
        let missing: Vec<ContentElement> = required.difference(&provided).copied().collect();
        if !missing.is_empty() {
            return Err(TemplateError::MissingElements {
                template: template.id().clone(),
                kind: template.kind(),
                audience: template.audience(),
                missing,
            });
        }
        Ok(())
    }

    /// A short channel's variant carries the contact points when its kind requires them,
    /// and, when it leaves out other required elements, a link to the full notice that
    /// carries them. On a channel that carries its link beside the text
    /// ([`Channel::links_beside_text`]) the fan-out adds the link, and the full notice it
    /// opens carries the contact points.
    fn validate_short(&self, template: &Template) -> Result<(), TemplateError> {
        let provided = self.elements(template);
        let required: BTreeSet<ContentElement> = Audience::ALL
            .iter()
            .filter(|a| template.audience().is_none_or(|t| t == **a))
            .flat_map(|a| required_elements(template.kind(), *a).iter().copied())
            .collect();
        let beside = template.channel().is_some_and(Channel::links_beside_text);
        let missing: Vec<ContentElement> = required
            .iter()
            .copied()
            .filter(|e| *e == ContentElement::ContactPoints && !provided.contains(e) && !beside)
            .collect();
        let links = beside
            || template
                .fact_keys()
                .any(|k| k.as_str() == WellKnownKey::DetailsUrl.as_str());
        let unlinked: Vec<ContentElement> = if links {
            Vec::new()
        } else {
            required
                .iter()
                .copied()
                .filter(|e| *e != ContentElement::ContactPoints && !provided.contains(e))
                .collect()
        };
        if missing.is_empty() && unlinked.is_empty() {
            return Ok(());
        }
        Err(TemplateError::ShortVariantIncomplete {
            template: template.id().clone(),
            channel: template.channel().unwrap_or(Channel::Sms),
            missing,
            unlinked,
        })
    }

    /// Validates and adds `template`, replacing (and returning) the template of the same
    /// kind, locale, audience and channel.
    ///
    /// # Errors
    /// Everything [`TemplateSet::validate`] reports, and [`TemplateError::DuplicateId`]
    /// when another template in the set has the same id.
    pub fn register(&mut self, template: Template) -> Result<Option<Template>, TemplateError> {
        self.validate(&template)?;
        let slot = template.slot();
        if let Some((other, _)) = self
            .templates
            .iter()
            .find(|(s, t)| **s != slot && t.id() == template.id())
        {
            return Err(TemplateError::DuplicateId {
                template: template.id().clone(),
                kind: other.0,
                locale: other.1,
                audience: other.2,
            });
        }
        self.host.insert(slot);
        Ok(self.templates.insert(slot, template))
    }

    /// The template for `kind` in `locale` for `audience`: one registered for exactly that
    /// audience if there is one, else one for any audience.
    pub fn lookup(
        &self,
        kind: MessageKind,
        locale: Locale,
        audience: Audience,
    ) -> Option<&Template> {
        self.templates
            .get(&(kind, locale, Some(audience), None))
            .or_else(|| self.templates.get(&(kind, locale, None, None)))
    }

    /// The template for `kind` in `locale` for `audience` sent through `channel`, the most
    /// specific first, the audience before the channel:
    ///
    /// 1. one for exactly this audience and this channel;
    /// 2. one for exactly this audience and any channel;
    /// 3. one for any audience and this channel (the built-in short SMS variants);
    /// 4. one for any audience and any channel.
    ///
    /// A template written for the audience is thus never replaced by a generic one: a host
    /// whose own initial notice for affected customers is long registers its own short
    /// variant for [`Channel::Sms`] too, else the fan-out refuses the long one for SMS
    /// recipients ([`ChannelFitError`](crate::comms::ChannelFitError)). The fan-out picks
    /// templates this way.
    ///
    /// # Examples
    /// ```
    /// use incident::comms::{Audience, Channel, MessageKind, TemplateSet};
    /// use incident::locale::Locale;
    ///
    /// let set = TemplateSet::builtin();
    /// let sms = set.lookup_for(MessageKind::InitialNotice, Locale::ZhCn, Audience::AffectedCustomers, Channel::Sms);
    /// assert_eq!(sms.map(|t| t.id().as_str()), Some("builtin.initial_notice.sms.zh-CN"));
    /// let email = set.lookup_for(MessageKind::InitialNotice, Locale::ZhCn, Audience::AffectedCustomers, Channel::Email);
    /// assert_eq!(email.map(|t| t.id().as_str()), Some("builtin.initial_notice.zh-CN"));
    /// ```
    pub fn lookup_for(
        &self,
        kind: MessageKind,
        locale: Locale,
        audience: Audience,
        channel: Channel,
    ) -> Option<&Template> {
        [
            (Some(audience), Some(channel)),
            (Some(audience), None),
            (None, Some(channel)),
            (None, None),
        ]
        .into_iter()
        .find_map(|(a, c)| self.templates.get(&(kind, locale, a, c)))
    }

    /// Every template, ordered by kind, locale, audience and channel.
    pub fn templates(&self) -> impl Iterator<Item = &Template> + '_ {
        self.templates.values()
    }
}

/// The candidate closest to `word` by edit distance, if close enough to be a likely typo.
fn closest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<String> {
    let limit = (word.chars().count() / 3).clamp(1, 3);
    candidates
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, c)| c.to_owned())
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = i;
        let mut left = i + 1;
        let mut next = Vec::with_capacity(row.len());
        next.push(left);
        for (j, cb) in b.iter().enumerate() {
            let up = row.get(j + 1).copied().unwrap_or(usize::MAX);
            let cost = usize::from(ca != *cb);
            left = (diagonal + cost).min(up + 1).min(left + 1);
            diagonal = up;
            next.push(left);
        }
        row = next;
    }
    row.last().copied().unwrap_or_default()
}

/// A declared host fact key in the serialized set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct DeclaredKey {
    /// The key.
    key: FactKey,
    /// The content element it provides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    element: Option<ContentElement>,
}

fn yes() -> bool {
    true
}

fn is_cn(country: &Country) -> bool {
    *country == Country::Cn
}

/// The serialized form of a [`TemplateSet`]: the host's part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct TemplateSetSource {
    /// Whether the built-in templates are included (default true).
    #[serde(default = "yes")]
    builtin: bool,
    /// The country whose help the built-in identity-theft guide names (default CN).
    #[serde(default, skip_serializing_if = "is_cn")]
    country: Country,
    /// Host fact keys templates may use.
    #[serde(default)]
    fact_keys: Vec<DeclaredKey>,
    /// Recipient fields templates may use.
    #[serde(default)]
    recipient_fields: BTreeSet<String>,
    /// Host templates; each replaces the built-in of the same kind, locale and audience.
    #[serde(default)]
    templates: Vec<Template>,
}

impl TryFrom<TemplateSetSource> for TemplateSet {
    type Error = TemplateError;

    fn try_from(source: TemplateSetSource) -> Result<Self, Self::Error> {
        let mut set = if source.builtin {
            Self::builtin_for(source.country)
        } else {
            let mut set = Self::empty();
            set.country = source.country;
            set
        };
        for declared in source.fact_keys {
            set.declare_fact_key(declared.key, declared.element)?;
        }
        for field in source.recipient_fields {
            set.declare_recipient_field(field)?;
        }
        for template in source.templates {
            set.register(template)?;
        }
        Ok(set)
    }
}

impl From<&TemplateSet> for TemplateSetSource {
    fn from(set: &TemplateSet) -> Self {
        Self {
            builtin: set.builtin,
            country: set.country,
            fact_keys: set
                .fact_keys
                .iter()
                .map(|(key, element)| DeclaredKey {
                    key: key.clone(),
                    element: *element,
                })
                .collect(),
            recipient_fields: set.recipient_fields.clone(),
            templates: set
                .host
                .iter()
                .filter_map(|slot| set.templates.get(slot).cloned())
                .collect(),
        }
    }
}

impl Serialize for TemplateSet {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        TemplateSetSource::from(self).serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for TemplateSet {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let source = TemplateSetSource::deserialize(deserializer)?;
        TemplateSet::try_from(source).map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for TemplateSet {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "TemplateSet".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        TemplateSetSource::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::comms::template_syntax::Position;
    use crate::id::TemplateId;

    fn id(s: &str) -> TemplateId {
        TemplateId::new(s).unwrap()
    }

    #[test]
    fn registration_checks_keys_fields_and_required_content() {
        let mut set = TemplateSet::empty();
        let t = Template::builder(id("x"), MessageKind::Faq, Locale::En)
            .subject("About {{incident_refrence}}")
            .body("{{contact_points}}")
            .build()
            .unwrap();
        let err = set.register(t).unwrap_err();
        assert_eq!(
            err.to_string(),
            "template `x` subject 1:7: unknown fact key `incident_refrence` (did you mean `incident_reference`?): use a well-known key (see WellKnownKey) or declare it with TemplateSet::declare_fact_key"
        );
        let t = Template::builder(id("x"), MessageKind::Faq, Locale::En)
            .body("{{contact_points}} {{affected_scope}} {{what_to_do}} {{compensation_offer}}\n{{ioc.c2_address}}")
            .build()
            .unwrap();
        assert!(matches!(
            set.validate(&t),
            Err(TemplateError::UnknownFactKey {
                at: Position { line: 2, column: 1 },
                suggestion: None,
                ..
            })
        ));
        set.declare_fact_key(FactKey::new("ioc.c2_address").unwrap(), None)
            .unwrap();
        set.register(t).unwrap();
        assert!(matches!(
            set.declare_fact_key(FactKey::new("occurred_at").unwrap(), None),
            Err(TemplateError::ReservedFactKey { .. })
        ));
        assert!(matches!(
            set.declare_fact_key(FactKey::new("recipient.x").unwrap(), None),
            Err(TemplateError::ReservedFactKey { .. })
        ));
        assert!(matches!(
            set.declare_recipient_field("Offer"),
            Err(TemplateError::BadRecipientField { .. })
        ));
        set.declare_recipient_field("offer").unwrap();
        let t = Template::builder(id("y"), MessageKind::Faq, Locale::ZhCn)
            .body("{{contact_points}} {{recipient.ofer}}")
            .build()
            .unwrap();
        let err = set.register(t).unwrap_err();
        assert!(
            err.to_string()
                .contains("unknown recipient field `ofer` (did you mean `offer`?)"),
            "{err}"
        );

        // An initial notice must carry every duty the seeds name: one written before the
        // case owner, the complaint channels, the compensation and the issue time were
        // required is refused, naming each.
        let t = Template::builder(id("z"), MessageKind::InitialNotice, Locale::En)
            .body("{{occurred_at}} {{how_discovered}} {{affected_scope}} {{measures_taken}} {{contact_points}}")
            .build()
            .unwrap();
        let err = set.validate(&t).unwrap_err();
        assert_eq!(
            err,
            TemplateError::MissingElements {
                template: id("z"),
                kind: MessageKind::InitialNotice,
                audience: None,
                missing: vec![
                    ContentElement::WhatToDo,
                    ContentElement::CompensationOffer,
                    ContentElement::NextUpdateTime,
                    ContentElement::CaseOwner,
                    ContentElement::ComplaintChannels,
                    ContentElement::IssuedAt,
                ],
            }
        );
        assert!(
            err.to_string().contains("case_owner (e.g. {{case_owner}})"),
            "{err}"
        );
        // A host key can provide an element.
        set.declare_fact_key(
            FactKey::new("hotline").unwrap(),
            Some(ContentElement::ContactPoints),
        )
        .unwrap();
        let t = Template::builder(id("z"), MessageKind::Faq, Locale::En)
            .body("{{hotline}} {{affected_scope}} {{what_to_do}} {{compensation_offer}}")
            .build()
            .unwrap();
        assert_eq!(set.register(t).unwrap().unwrap().id().as_str(), "x");
        // Ids are unique across slots.
        let t = Template::builder(id("z"), MessageKind::Survey, Locale::En)
            .build()
            .unwrap();
        assert!(matches!(
            set.register(t),
            Err(TemplateError::DuplicateId { .. })
        ));
    }

    #[test]
    fn host_templates_replace_builtins_and_survive_serde() {
        let mut set = TemplateSet::builtin();
        set.declare_recipient_field("case_ref").unwrap();
        set.declare_fact_key(FactKey::new("ioc.c2_address").unwrap(), None)
            .unwrap();
        let t = Template::builder(id("acme.survey"), MessageKind::Survey, Locale::En)
            .audience(Audience::AffectedCustomers)
            .subject("How did we do? ({{recipient.case_ref}})")
            .body("Reply 1-5.")
            .build()
            .unwrap();
        assert_eq!(set.register(t).unwrap(), None);
        let json = serde_json::to_value(&set).unwrap();
        assert_eq!(json["templates"][0]["id"], "acme.survey");
        assert_eq!(json["templates"].as_array().unwrap().len(), 1);
        let back: TemplateSet = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(back, set);
        let mut bad = json;
        bad["recipient_fields"] = serde_json::json!([]);
        let err = serde_json::from_value::<TemplateSet>(bad).unwrap_err();
        assert!(
            err.to_string()
                .contains("unknown recipient field `case_ref`"),
            "{err}"
        );
        let schema = serde_json::to_value(schemars::schema_for!(TemplateSet)).unwrap();
        assert!(schema["properties"]["templates"].is_object());
    }

    #[test]
    fn short_variants_link_to_the_full_notice_and_lookups_prefer_the_audience() {
        let mut set = TemplateSet::builtin();
        let bare = Template::builder(id("acme.sms"), MessageKind::InitialNotice, Locale::En)
            .channel(Channel::Sms)
            .body("{{firm_name}}: we found an incident. {{affected_scope}}")
            .build()
            .unwrap();
        let err = set.register(bare).unwrap_err();
        assert_eq!(
            err.to_string(),
            "template `acme.sms` is a short sms variant but lacks contact_points and has no `{{details_url}}` link for what it leaves out (occurred_at, how_discovered, measures_taken, what_to_do, compensation_offer, next_update_time, case_owner, complaint_channels, issued_at): a short variant carries `{{contact_points}}` and links to the full notice, which carries the rest, after a label (e.g. `Details: {{details_url}}`)"
        );
        // A survey requires nothing: no link needed.
        let survey = Template::builder(id("acme.sms.survey"), MessageKind::Survey, Locale::En)
            .channel(Channel::Sms)
            .body("Reply 1-5.")
            .build()
            .unwrap();
        set.register(survey).unwrap();
        // The host's notice for affected customers beats the built-in SMS variant for any
        // audience; other audiences get the variant.
        let host = Template::builder(id("acme.initial"), MessageKind::InitialNotice, Locale::En)
            .audience(Audience::AffectedCustomers)
            .body(
                "{{occurred_at}} {{how_discovered}} {{affected_scope}} {{measures_taken}} \
                 {{what_to_do}} {{compensation_offer}} {{case_owner}} {{complaint_channels}} \
                 {{next_update_at}} {{issued_at}} {{contact_points}}",
            )
            .build()
            .unwrap();
        set.register(host).unwrap();
        let pick = |a| {
            set.lookup_for(MessageKind::InitialNotice, Locale::En, a, Channel::Sms)
                .unwrap()
                .id()
                .as_str()
        };
        assert_eq!(pick(Audience::AffectedCustomers), "acme.initial");
        assert_eq!(
            pick(Audience::AllCustomers),
            "builtin.initial_notice.sms.en"
        );
        let json = serde_json::to_value(&set).unwrap();
        let survey = json["templates"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["id"] == "acme.sms.survey")
            .unwrap();
        assert_eq!(survey["channel"], "sms");
        let back: TemplateSet = serde_json::from_value(json).unwrap();
        assert_eq!(back, set);
    }

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("占位", "占位符"), 1);
        assert_eq!(
            closest("ocurred_at", ["occurred_at", "detected_at"].into_iter()),
            Some("occurred_at".into())
        );
        assert_eq!(closest("zzz", ["occurred_at"].into_iter()), None);
    }
}
