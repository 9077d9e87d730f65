//! Business days of the EU Member States a DORA or NIS2 report most often goes to:
//! Germany (with Hesse, where BaFin's Frankfurt office and the ECB sit), France, Ireland,
//! Luxembourg and the Netherlands.
//!
//! Each lists its statutory public holidays, 2025–2027, derived from the statute's rule
//! (fixed dates, and Easter by the Gregorian computus) and checked day by day on
//! 2026-12-07 against the independently maintained `holidays` 0.109 data. Where the
//! statute leaves a day to a later act or to employers (substitute days, regional
//! holidays, decree days), the day is left out and named in the calendar's source: a
//! deadline computed without it is never later than the true one.

use super::{dates, sat_sun, Ymd};
use crate::id::CalendarId;
use crate::locale::Zone;
use crate::regulation::{BusinessCalendar, CalendarSpec};

/// Why the EU calendars stop at 2027: their rules are known further ahead, but the
/// crate's other calendars stop there too, and later years are for the host to load.
const EU_COVERAGE: &str = "the EU Member State calendars cover 2025-01-01..2027-12-31 (checked 2026-12-07): load later years as an amended calendar";

const DE_HOLIDAYS: [Ymd; 27] = [
    // 2025
    (2025, 1, 1),   // Neujahr
    (2025, 4, 18),  // Karfreitag
    (2025, 4, 21),  // Ostermontag
    (2025, 5, 1),   // Tag der Arbeit
    (2025, 5, 29),  // Christi Himmelfahrt
    (2025, 6, 9),   // Pfingstmontag
    (2025, 10, 3),  // Tag der Deutschen Einheit
    (2025, 12, 25), // 1. Weihnachtstag
    (2025, 12, 26), // 2. Weihnachtstag
    // 2026
    (2026, 1, 1),   // Neujahr
    (2026, 4, 3),   // Karfreitag
    (2026, 4, 6),   // Ostermontag
    (2026, 5, 1),   // Tag der Arbeit
    (2026, 5, 14),  // Christi Himmelfahrt
    (2026, 5, 25),  // Pfingstmontag
    (2026, 10, 3),  // Tag der Deutschen Einheit (a Saturday)
    (2026, 12, 25), // 1. Weihnachtstag
    (2026, 12, 26), // 2. Weihnachtstag (a Saturday)
    // 2027
    (2027, 1, 1),   // Neujahr
    (2027, 3, 26),  // Karfreitag
    (2027, 3, 29),  // Ostermontag
    (2027, 5, 1),   // Tag der Arbeit (a Saturday)
    (2027, 5, 6),   // Christi Himmelfahrt
    (2027, 5, 17),  // Pfingstmontag
    (2027, 10, 3),  // Tag der Deutschen Einheit (a Sunday)
    (2027, 12, 25), // 1. Weihnachtstag (a Saturday)
    (2027, 12, 26), // 2. Weihnachtstag (a Sunday)
];

const DE_HE_HOLIDAYS: [Ymd; 3] = [
    // 2025
    (2025, 6, 19), // Fronleichnam
    // 2026
    (2026, 6, 4), // Fronleichnam
    // 2027
    (2027, 5, 27), // Fronleichnam
];

const FR_HOLIDAYS: [Ymd; 33] = [
    // 2025
    (2025, 1, 1),   // Jour de l'an
    (2025, 4, 21),  // Lundi de Pâques
    (2025, 5, 1),   // Fête du Travail
    (2025, 5, 8),   // Victoire 1945
    (2025, 5, 29),  // Ascension
    (2025, 6, 9),   // Lundi de Pentecôte
    (2025, 7, 14),  // Fête nationale
    (2025, 8, 15),  // Assomption
    (2025, 11, 1),  // Toussaint (a Saturday)
    (2025, 11, 11), // Armistice 1918
    (2025, 12, 25), // Noël
    // 2026
    (2026, 1, 1),   // Jour de l'an
    (2026, 4, 6),   // Lundi de Pâques
    (2026, 5, 1),   // Fête du Travail
    (2026, 5, 8),   // Victoire 1945
    (2026, 5, 14),  // Ascension
    (2026, 5, 25),  // Lundi de Pentecôte
    (2026, 7, 14),  // Fête nationale
    (2026, 8, 15),  // Assomption (a Saturday)
    (2026, 11, 1),  // Toussaint (a Sunday)
    (2026, 11, 11), // Armistice 1918
    (2026, 12, 25), // Noël
    // 2027
    (2027, 1, 1),   // Jour de l'an
    (2027, 3, 29),  // Lundi de Pâques
    (2027, 5, 1),   // Fête du Travail (a Saturday)
    (2027, 5, 6),   // Ascension
    (2027, 5, 8),   // Victoire 1945 (a Saturday)
    (2027, 5, 17),  // Lundi de Pentecôte
    (2027, 7, 14),  // Fête nationale
    (2027, 8, 15),  // Assomption (a Sunday)
    (2027, 11, 1),  // Toussaint
    (2027, 11, 11), // Armistice 1918
    (2027, 12, 25), // Noël (a Saturday)
];

const IE_HOLIDAYS: [Ymd; 30] = [
    // 2025
    (2025, 1, 1),   // New Year's Day
    (2025, 2, 3),   // Saint Brigid's Day
    (2025, 3, 17),  // Saint Patrick's Day
    (2025, 4, 21),  // Easter Monday
    (2025, 5, 5),   // May bank holiday
    (2025, 6, 2),   // June bank holiday
    (2025, 8, 4),   // August bank holiday
    (2025, 10, 27), // October bank holiday
    (2025, 12, 25), // Christmas Day
    (2025, 12, 26), // Saint Stephen's Day
    // 2026
    (2026, 1, 1),   // New Year's Day
    (2026, 2, 2),   // Saint Brigid's Day
    (2026, 3, 17),  // Saint Patrick's Day
    (2026, 4, 6),   // Easter Monday
    (2026, 5, 4),   // May bank holiday
    (2026, 6, 1),   // June bank holiday
    (2026, 8, 3),   // August bank holiday
    (2026, 10, 26), // October bank holiday
    (2026, 12, 25), // Christmas Day
    (2026, 12, 26), // Saint Stephen's Day (a Saturday)
    // 2027
    (2027, 1, 1),   // New Year's Day
    (2027, 2, 1),   // Saint Brigid's Day
    (2027, 3, 17),  // Saint Patrick's Day
    (2027, 3, 29),  // Easter Monday
    (2027, 5, 3),   // May bank holiday
    (2027, 6, 7),   // June bank holiday
    (2027, 8, 2),   // August bank holiday
    (2027, 10, 25), // October bank holiday
    (2027, 12, 25), // Christmas Day (a Saturday)
    (2027, 12, 26), // Saint Stephen's Day (a Sunday)
];

const LU_HOLIDAYS: [Ymd; 33] = [
    // 2025
    (2025, 1, 1),   // Nouvel An
    (2025, 4, 21),  // Lundi de Pâques
    (2025, 5, 1),   // Fête du Travail
    (2025, 5, 9),   // Journée de l'Europe
    (2025, 5, 29),  // Ascension
    (2025, 6, 9),   // Lundi de Pentecôte
    (2025, 6, 23),  // Fête nationale
    (2025, 8, 15),  // Assomption
    (2025, 11, 1),  // Toussaint (a Saturday)
    (2025, 12, 25), // Noël
    (2025, 12, 26), // Saint-Étienne
    // 2026
    (2026, 1, 1),   // Nouvel An
    (2026, 4, 6),   // Lundi de Pâques
    (2026, 5, 1),   // Fête du Travail
    (2026, 5, 9),   // Journée de l'Europe (a Saturday)
    (2026, 5, 14),  // Ascension
    (2026, 5, 25),  // Lundi de Pentecôte
    (2026, 6, 23),  // Fête nationale
    (2026, 8, 15),  // Assomption (a Saturday)
    (2026, 11, 1),  // Toussaint (a Sunday)
    (2026, 12, 25), // Noël
    (2026, 12, 26), // Saint-Étienne (a Saturday)
    // 2027
    (2027, 1, 1),   // Nouvel An
    (2027, 3, 29),  // Lundi de Pâques
    (2027, 5, 1),   // Fête du Travail (a Saturday)
    (2027, 5, 6),   // Ascension
    (2027, 5, 9),   // Journée de l'Europe (a Sunday)
    (2027, 5, 17),  // Lundi de Pentecôte
    (2027, 6, 23),  // Fête nationale
    (2027, 8, 15),  // Assomption (a Sunday)
    (2027, 11, 1),  // Toussaint
    (2027, 12, 25), // Noël (a Saturday)
    (2027, 12, 26), // Saint-Étienne (a Sunday)
];

const NL_HOLIDAYS: [Ymd; 27] = [
    // 2025
    (2025, 1, 1),   // Nieuwjaarsdag
    (2025, 4, 18),  // Goede Vrijdag
    (2025, 4, 21),  // Tweede Paasdag
    (2025, 4, 26),  // Koningsdag (a Saturday)
    (2025, 5, 5),   // 5 mei
    (2025, 5, 29),  // Hemelvaartsdag
    (2025, 6, 9),   // Tweede Pinksterdag
    (2025, 12, 25), // Eerste Kerstdag
    (2025, 12, 26), // Tweede Kerstdag
    // 2026
    (2026, 1, 1),   // Nieuwjaarsdag
    (2026, 4, 3),   // Goede Vrijdag
    (2026, 4, 6),   // Tweede Paasdag
    (2026, 4, 27),  // Koningsdag
    (2026, 5, 5),   // 5 mei
    (2026, 5, 14),  // Hemelvaartsdag
    (2026, 5, 25),  // Tweede Pinksterdag
    (2026, 12, 25), // Eerste Kerstdag
    (2026, 12, 26), // Tweede Kerstdag (a Saturday)
    // 2027
    (2027, 1, 1),   // Nieuwjaarsdag
    (2027, 3, 26),  // Goede Vrijdag
    (2027, 3, 29),  // Tweede Paasdag
    (2027, 4, 27),  // Koningsdag
    (2027, 5, 5),   // 5 mei
    (2027, 5, 6),   // Hemelvaartsdag
    (2027, 5, 17),  // Tweede Pinksterdag
    (2027, 12, 25), // Eerste Kerstdag (a Saturday)
    (2027, 12, 26), // Tweede Kerstdag (a Sunday)
];
/// A 2025–2027 Saturday/Sunday calendar over `holidays`.
fn member_state(
    id: &'static str,
    name: &str,
    zone: Zone,
    holidays: &[Ymd],
    source: &str,
) -> BusinessCalendar {
    BusinessCalendar::from_valid(CalendarSpec {
        id: CalendarId::from_static(id),
        name: name.to_owned(),
        time_zone: zone,
        weekend: sat_sun(),
        first_year: 2025,
        last_year: 2027,
        holidays: dates(holidays),
        working_days: Default::default(),
        closures: Default::default(),
        source: source.to_owned(),
        coverage_note: Some(EU_COVERAGE.to_owned()),
        coverage_notes: super::notes(
            "欧盟成员国工作日历覆盖2025年1月1日至2027年12月31日（核查日期：2026年12月7日）；此后年份请以修订日历载入",
            "歐盟成員國工作日曆覆蓋2025年1月1日至2027年12月31日（核查日期：2026年12月7日）；此後年份請以修訂日曆載入",
        ),
    })
}

impl BusinessCalendar {
    /// Germany (`de`), `Europe/Berlin`: the nine public holidays every Land keeps (New
    /// Year, Good Friday, Easter Monday, 1 May, Ascension, Whit Monday, 3 October,
    /// 25 and 26 December). Land-only holidays (Epiphany, Corpus Christi, Reformation
    /// Day…) are not included: use [`germany_hesse`](Self::germany_hesse) for Frankfurt, or
    /// load the Land's calendar.
    pub fn germany() -> Self {
        member_state("de", "Germany: nationwide public holidays", Zone::BERLIN, &DE_HOLIDAYS,
            "Feiertagsgesetze of the 16 Länder (the days all of them keep) and Einigungsvertrag Art. 2(2) for 3 October; https://www.bmi.bund.de/DE/themen/verfassung/staatliche-symbole/nationale-feiertage/nationale-feiertage-node.html (checked 2026-12-07). Land-only holidays are not included.")
    }

    /// Germany, Land Hesse (`de-he`), `Europe/Berlin`: [`germany`](Self::germany) plus Corpus
    /// Christi (Fronleichnam), for entities in Frankfurt am Main.
    pub fn germany_hesse() -> Self {
        let mut holidays = DE_HOLIDAYS.to_vec();
        holidays.extend_from_slice(&DE_HE_HOLIDAYS);
        member_state("de-he", "Germany, Hesse: public holidays", Zone::BERLIN, &holidays,
            "Hessisches Feiertagsgesetz § 1 (Corpus Christi) with the nationwide holidays; https://www.rv.hessenrecht.hessen.de/bshe/document/jlr-FeiertGHEV2P1 (checked 2026-12-07)")
    }

    /// France (`fr`), `Europe/Paris`: the eleven jours fériés of the Code du travail
    /// (art. L3133-1). Good Friday and 26 December, kept only in Alsace-Moselle, are not
    /// included.
    pub fn france() -> Self {
        member_state("fr", "France: jours fériés", Zone::new(chrono_tz::Europe::Paris), &FR_HOLIDAYS,
            "Code du travail, art. L3133-1, https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000033020517 (checked 2026-12-07); Alsace-Moselle's Good Friday and 26 December are not included")
    }

    /// Ireland (`ie`), `Europe/Dublin`: the ten public holidays of the Organisation of
    /// Working Time Act 1997, Schedule 2, with Saint Brigid's Day since 2023. A holiday on a
    /// weekend has no statutory weekday substitute (the employee's entitlement is to a day
    /// off, not a public holiday), so none is added.
    pub fn ireland() -> Self {
        member_state("ie", "Ireland: public holidays", Zone::new(chrono_tz::Europe::Dublin), &IE_HOLIDAYS,
            "Organisation of Working Time Act 1997, Schedule 2, as amended by S.I. No. 50/2022 (Saint Brigid's Day: the first Monday of February, or 1 February when it is a Friday), https://www.citizensinformation.ie/en/employment/employment-rights-and-conditions/leave-and-holidays/public-holidays/ (checked 2026-12-07)")
    }

    /// Luxembourg (`lu`), `Europe/Luxembourg`: the eleven legal public holidays of the Code
    /// du travail (art. L.232-2), Europe Day (9 May) included since 2019. The compensatory
    /// day an employee gets for a holiday on a Sunday is not a public holiday and is not
    /// added.
    pub fn luxembourg() -> Self {
        member_state("lu", "Luxembourg: jours fériés légaux", Zone::new(chrono_tz::Europe::Luxembourg), &LU_HOLIDAYS,
            "Code du travail, art. L.232-2, as amended by the law of 25 April 2019 (Europe Day), https://guichet.public.lu/en/citoyens/travail-emploi/conges-jours-feries/jours-feries/jours-feries-legaux.html (checked 2026-12-07)")
    }

    /// The Netherlands (`nl`), `Europe/Amsterdam`: the algemeen erkende feestdagen of the
    /// Algemene termijnenwet (art. 3(1) and (2): New Year, Good Friday, Easter Monday,
    /// King's Day, 5 May every year, Ascension, Whit Monday, 25 and 26 December), the
    /// statute that extends Dutch legal time limits. The bridge days a triennial royal
    /// decree equates with them (art. 3(3), e.g. the Friday after Ascension) were not read
    /// and are not included.
    pub fn netherlands() -> Self {
        member_state("nl", "Netherlands: algemeen erkende feestdagen", Zone::new(chrono_tz::Europe::Amsterdam), &NL_HOLIDAYS,
            "Algemene termijnenwet, art. 3(1) and (2), https://wetten.overheid.nl/BWBR0002448/ (checked 2026-12-07); the decree days of art. 3(3) are not included")
    }
}
