//! The desk's state and its host loop: each incident's state is cached and caught up from
//! the table (events above the cached version) before every use, so several instances on
//! one database stay correct; a write decides on the cached state, appends with the
//! expected version and applies in place only what the store accepted.
//!
//! Nothing is cloned per request: each incident sits behind its own lock, readers and
//! writers of one incident take turns (writes take milliseconds), and different incidents
//! never wait for each other.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use incident::regulation::Regulation;
use incident::{Envelope, Incident, IncidentId};
use serde_json::json;

use crate::access::Access;
use crate::error::ApiError;
use crate::outbox::ready_messages;
use crate::playbooks::Catalogue;
use crate::store::{Idempotent, Store};

/// The desk's clock: the time it records commands at. The system clock in service; tests
/// give a clock they set.
pub type Clock = Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>;

/// The system clock.
pub fn system_clock() -> Clock {
    Arc::new(|| DateTime::<Utc>::from(std::time::SystemTime::now()))
}

/// One incident's cached state; `None` until loaded, or after a failed write (the next use
/// replays it from the table).
type Slot = Arc<tokio::sync::Mutex<Option<Incident>>>;

/// The shared state of one desk instance.
pub struct App {
    store: Arc<dyn Store>,
    regulation: Regulation,
    access: Access,
    playbooks: Catalogue,
    clock: Clock,
    cache: Mutex<HashMap<IncidentId, Slot>>,
    /// The due-time index for the incidents' one timer: when each cached incident next
    /// needs the timer (`Incident::poll_timeout`); see [`crate::timer`].
    due: Mutex<BTreeMap<IncidentId, DateTime<Utc>>>,
    /// Incidents appended to since the timer last refreshed their due time. The timer task
    /// refreshes them (coalescing a burst of appends into one `poll_timeout`), so an
    /// append never waits for the timer's computation.
    dirty: Mutex<BTreeSet<IncidentId>>,
    /// Wakes the timer task when a due time may have moved earlier.
    pub(crate) timer_wake: tokio::sync::Notify,
    /// The public status pages' board, address and cache.
    status: crate::status::StatusSite,
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App").finish_non_exhaustive()
    }
}

/// The answer to a write.
fn answer(id: IncidentId, version: u64, envelopes: &[Envelope]) -> serde_json::Value {
    json!({ "incident_id": id, "version": version, "events": envelopes })
}

/// The regulatory profile the desk runs with unless `--profile` names another: a payments
/// platform established in mainland China (network operator, PBOC-supervised).
pub fn default_regulation() -> Regulation {
    let profile = serde_json::from_value(json!({
        "established_in": ["CN"],
        "entity_types": ["cn_network_operator", "cn_pboc_institution"],
        "time_zone": "Asia/Shanghai",
        "calendar": "cn"
    }))
    .unwrap_or_default();
    Regulation::builtin(profile)
}

/// What a write appended.
#[derive(Debug)]
pub struct Written {
    /// The incident's version after the append.
    pub version: u64,
    /// The envelopes appended.
    pub envelopes: Vec<Envelope>,
    /// The answer: `{"incident_id", "version", "events"}` (stored with an idempotency key).
    pub body: serde_json::Value,
}

/// A request's idempotency key: the answer to a write made with it is stored in the
/// append's transaction, and a retry with the same key gets that answer again.
#[derive(Debug, Clone)]
pub struct IdempotencyKey {
    /// Who sent it (keys are scoped per actor).
    pub actor: String,
    /// The client's key.
    pub key: String,
    /// SHA-256 of the request (method, path, body), to tell a retry from a reuse.
    pub request_digest: String,
    /// The status a success answers (201 for a declaration, 200 for a command).
    pub status: u16,
}

impl App {
    /// A desk over `store` with `regulation`, admitting the callers `access` lists, on the
    /// system clock.
    pub fn new(store: Arc<dyn Store>, regulation: Regulation, access: Access) -> Self {
        Self {
            store,
            regulation,
            access,
            playbooks: Catalogue::default(),
            clock: system_clock(),
            cache: Mutex::new(HashMap::new()),
            due: Mutex::new(BTreeMap::new()),
            dirty: Mutex::new(BTreeSet::new()),
            timer_wake: tokio::sync::Notify::new(),
            status: crate::status::StatusSite::default(),
        }
    }

    /// The same desk with the public status pages' board and address.
    pub fn with_status(mut self, status: crate::status::StatusSite) -> Self {
        self.status = status;
        self
    }

    /// The public status pages' board, address and cache.
    pub fn status(&self) -> &crate::status::StatusSite {
        &self.status
    }

    /// The same desk on another clock.
    pub fn with_clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
        self
    }

    /// The same desk with another playbook catalogue.
    pub fn with_playbooks(mut self, playbooks: Catalogue) -> Self {
        self.playbooks = playbooks;
        self
    }

    /// The playbooks the desk can activate.
    pub fn playbooks(&self) -> &Catalogue {
        &self.playbooks
    }

    /// The time now on the desk's clock: what `recorded_at` says for a command received now.
    pub fn now(&self) -> DateTime<Utc> {
        (self.clock)()
    }

    /// The regulatory clocks the desk runs.
    pub fn regulation(&self) -> &Regulation {
        &self.regulation
    }

    /// Who may do and see what.
    pub fn access(&self) -> &Access {
        &self.access
    }

    /// The store.
    pub fn store(&self) -> &Arc<dyn Store> {
        &self.store
    }

    /// Rebuilds every incident's state from the event table (verifying each hash chain);
    /// returns how many incidents and events were loaded.
    ///
    /// # Errors
    /// Which incident could not be loaded, and why.
    pub async fn rebuild(&self) -> Result<(usize, u64), String> {
        let ids = self.store.incident_ids().await.map_err(|e| e.to_string())?;
        let mut events = 0;
        for id in &ids {
            let version = self
                .read(*id, Incident::version)
                .await
                .map_err(|e| format!("incident {id}: {}", e.message()))?;
            events += version.unwrap_or(0);
        }
        Ok((ids.len(), events))
    }

    fn slot(&self, id: IncidentId) -> Result<Slot, ApiError> {
        let mut cache = self
            .cache
            .lock()
            .map_err(|_| ApiError::internal("the incident cache lock is poisoned"))?;
        Ok(Arc::clone(cache.entry(id).or_default()))
    }

    /// Brings `cached` up to the table's version; `false` when the incident is unknown.
    async fn catch_up(
        &self,
        id: IncidentId,
        cached: &mut Option<Incident>,
    ) -> Result<bool, ApiError> {
        let after = cached.as_ref().map_or(0, Incident::version);
        let tail = self
            .store
            .load(id, after)
            .await
            .map_err(|e| ApiError::store(e, after))?;
        if tail.is_empty() {
            return Ok(cached.is_some());
        }
        match cached {
            Some(incident) => {
                for envelope in &tail {
                    if let Err(e) = incident.apply(envelope) {
                        *cached = None;
                        return Err(ApiError::internal(e));
                    }
                }
            }
            None => *cached = Some(Incident::replay(&tail).map_err(ApiError::internal)?),
        }
        self.mark(id);
        Ok(true)
    }

    /// Runs `f` on the incident at the table's current version; `None` when unknown.
    ///
    /// # Errors
    /// A store failure, or a stored log the crate refuses.
    pub async fn read<T>(
        &self,
        id: IncidentId,
        f: impl FnOnce(&Incident) -> T,
    ) -> Result<Option<T>, ApiError> {
        let slot = self.slot(id)?;
        let mut cached = slot.lock().await;
        if !self.catch_up(id, &mut cached).await? {
            drop(cached);
            drop(slot);
            self.forget_unknown(id);
            return Ok(None);
        }
        Ok(cached.as_ref().map(f))
    }

    /// Drops the empty cache slot a request for an unknown incident made, so asking for
    /// random ids cannot grow the cache.
    fn forget_unknown(&self, id: IncidentId) {
        let Ok(mut cache) = self.cache.lock() else {
            return;
        };
        let unused = cache.get(&id).is_some_and(|slot| {
            Arc::strong_count(slot) == 1 && slot.try_lock().is_ok_and(|cached| cached.is_none())
        });
        if unused {
            cache.remove(&id);
        }
    }

    /// How many incidents the cache holds (for tests and metrics).
    pub fn cached_incidents(&self) -> usize {
        self.cache.lock().map_or(0, |cache| cache.len())
    }

    /// Runs `f` on the incident as [`App::read`] does; 404 when unknown.
    ///
    /// # Errors
    /// As [`App::read`], and [`ApiError::unknown_incident`].
    pub async fn read_known<T>(
        &self,
        id: IncidentId,
        f: impl FnOnce(&Incident) -> T,
    ) -> Result<T, ApiError> {
        self.read(id, f)
            .await?
            .ok_or_else(|| ApiError::unknown_incident(id))
    }

    /// The host loop for one write: catches the incident up, lets `decide` turn its state
    /// (`None` before the declaration) into envelopes, appends them with the outbox
    /// messages they make ready, and applies them in place once the store accepted them.
    ///
    /// # Errors
    /// What `decide` returns; 409 when another writer appended first; a store failure.
    pub async fn write(
        &self,
        id: IncidentId,
        idempotency: Option<IdempotencyKey>,
        decide: impl FnOnce(Option<&Incident>) -> Result<Vec<Envelope>, ApiError>,
    ) -> Result<Written, ApiError> {
        let slot = self.slot(id)?;
        let mut cached = slot.lock().await;
        let known = self.catch_up(id, &mut cached).await?;
        let expected = cached.as_ref().map_or(0, Incident::version);
        let envelopes = match decide(cached.as_ref()) {
            Ok(envelopes) => envelopes,
            Err(e) => {
                if !known {
                    drop(cached);
                    drop(slot);
                    self.forget_unknown(id);
                }
                return Err(e);
            }
        };
        if envelopes.is_empty() {
            return Ok(Written {
                version: expected,
                body: answer(id, expected, &envelopes),
                envelopes,
            });
        }
        let at = envelopes
            .last()
            .map_or_else(|| self.now(), |e| e.recorded_at());
        // Apply first (the outbox needs the state after the command); undone below by
        // forgetting the state if the store refuses.
        let next = match cached.take() {
            Some(mut incident) => envelopes
                .iter()
                .try_for_each(|e| incident.apply(e))
                .map(|()| incident),
            None => Incident::replay(&envelopes),
        }
        .map_err(ApiError::internal)?;
        let mut outbox = ready_messages(&next, at);
        if crate::subscriptions::publishes(&next, &envelopes) {
            let subs = crate::subscriptions::all(self).await?;
            let site = &self.status;
            outbox.extend(crate::subscriptions::fan_out(
                &next,
                &envelopes,
                &subs,
                site.board(),
                site.public_url(),
            ));
        }
        let version = next.version();
        let body = answer(id, version, &envelopes);
        let stored = idempotency.map(|k| Idempotent {
            actor: k.actor,
            key: k.key,
            request_digest: k.request_digest,
            status: k.status,
            body: body.to_string(),
        });
        self.store
            .append(id, expected, envelopes.clone(), outbox, stored)
            .await
            .map_err(|e| ApiError::store(e, expected))?;
        self.mark(id);
        *cached = Some(next);
        Ok(Written {
            version,
            envelopes,
            body,
        })
    }

    /// Notes that `id` changed: the timer task refreshes its due time.
    fn mark(&self, id: IncidentId) {
        if let Ok(mut dirty) = self.dirty.lock() {
            dirty.insert(id);
        }
        self.timer_wake.notify_one();
    }

    /// Recomputes the due time of every incident changed since the last call.
    pub(crate) async fn refresh_due(&self) {
        let changed = match self.dirty.lock() {
            Ok(mut dirty) => std::mem::take(&mut *dirty),
            Err(_) => return,
        };
        for id in changed {
            let now = self.now();
            let wake = self
                .read(id, |incident| {
                    incident.poll_timeout(Some(&self.regulation), now)
                })
                .await;
            let Ok(wake) = wake else {
                // A store failure: try again on the next round.
                self.mark(id);
                continue;
            };
            if let Ok(mut due) = self.due.lock() {
                match wake.flatten() {
                    Some(wake) => due.insert(id, wake.at),
                    None => due.remove(&id),
                };
            }
        }
    }

    /// The incidents whose timer is due at `now`, and the next due time after them.
    pub(crate) fn due_at(&self, now: DateTime<Utc>) -> (Vec<IncidentId>, Option<DateTime<Utc>>) {
        let Ok(due) = self.due.lock() else {
            return (Vec::new(), None);
        };
        let ready = due
            .iter()
            .filter(|(_, at)| **at <= now)
            .map(|(id, _)| *id)
            .collect();
        let next = due.values().filter(|at| **at > now).min().copied();
        (ready, next)
    }

    /// Forgets `id`'s due time (the timer found nothing to record for it).
    pub(crate) fn clear_due(&self, id: IncidentId, until: DateTime<Utc>) {
        if let Ok(mut due) = self.due.lock() {
            if due.get(&id).is_some_and(|at| *at <= until) {
                due.remove(&id);
            }
        }
    }
}
