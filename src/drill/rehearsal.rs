//! The night-before rehearsal's structure and time budget, pure: which
//! phases a mock interview has and in what order, which question each
//! phase asks (the one the user most needs), and what fits in the budget.
//!
//! The order is the order a real interview runs: the opener, strengths
//! and weaknesses, behavioural questions, company research or culture fit,
//! the five-year plan, curveballs, and always last the user's own
//! questions for the interviewer.

use std::collections::HashSet;

use rand::SeedableRng as _;
use rand::seq::SliceRandom as _;

/// One stage of the interview.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Phase {
    /// "Tell me about yourself".
    Opener,
    /// Your pitch.
    Strengths,
    /// A real weakness.
    Weaknesses,
    /// Situations, STAR.
    Behavioral,
    /// Company research (with `--company`) or culture fit.
    Company,
    /// Where you see yourself.
    FiveYear,
    /// The unexpected, and the questions that caught you off guard before.
    Curveball,
    /// What you will ask them: always last.
    Closing,
}

impl Phase {
    /// The categories the phase draws from, in order of preference: in the
    /// curveball phase, the questions that caught the user off guard in a
    /// real interview (`hotseat reflect`) first.
    #[must_use]
    pub fn categories(self) -> &'static [&'static str] {
        match self {
            Self::Opener => &["tell-me-about-yourself"],
            Self::Strengths => &["strengths"],
            Self::Weaknesses => &["weaknesses"],
            Self::Behavioral => &["behavioral"],
            Self::Company => &["company-research", "culture-fit"],
            Self::FiveYear => &["five-year-plan"],
            Self::Curveball => &[crate::bank::own::CATEGORY, "curveballs"],
            Self::Closing => &["questions-to-ask"],
        }
    }

    /// The phase a category's questions are asked in (`None` for a
    /// category no phase draws from).
    #[must_use]
    pub fn of_category(category: &str) -> Option<Self> {
        STRUCTURE
            .iter()
            .map(|(p, _)| *p)
            .find(|p| p.categories().contains(&category))
    }

    /// How the report names the phase.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Opener => "Opening",
            Self::Strengths => "Strengths",
            Self::Weaknesses => "Weaknesses",
            Self::Behavioral => "Behavioural",
            Self::Company => "Company and fit",
            Self::FiveYear => "Five-year plan",
            Self::Curveball => "Curveballs",
            Self::Closing => "Your questions",
        }
    }
}

/// A question a phase may ask, as the planner sees it.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Index into the caller's question pool.
    pub index: usize,
    /// `category/id`.
    pub key: String,
    /// The answer limit, ms.
    pub limit_ms: u64,
    /// Whether the question has a follow-up to ask.
    pub has_followup: bool,
    /// Whether its text names `{company}`.
    pub names_company: bool,
    /// The hesitation score from daily practice; `None` if never practised.
    pub score: Option<f64>,
    /// Preferred within its phase (a question that caught the user off
    /// guard in a real interview, in the curveball phase).
    pub preferred: bool,
}

/// One planned question.
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    /// Its phase.
    pub phase: Phase,
    /// Index into the caller's question pool.
    pub index: usize,
    /// The answer limit, ms.
    pub limit_ms: u64,
    /// The limit of its follow-up, when it has one: half the question's,
    /// at least [`MIN_FOLLOWUP_MS`].
    pub followup_ms: Option<u64>,
}

/// The shortest limit a follow-up gets.
pub const MIN_FOLLOWUP_MS: u64 = 30_000;

/// A score at or above this makes a practised question the one a phase
/// asks, ahead of never-practised ones.
pub const STICKY_SCORE: f64 = 5.0;

/// A follow-up's limit: half its question's, at least 30 s.
#[must_use]
pub fn followup_limit(limit_ms: u64) -> u64 {
    (limit_ms / 2).max(MIN_FOLLOWUP_MS)
}

/// What the caller offers each phase, in interview order. `Behavioral`
/// and `Curveball` may appear with several candidates lists' worth of
/// slots: see [`STRUCTURE`].
#[derive(Debug, Clone, Default)]
pub struct Offer {
    /// Candidates per phase.
    pub phases: Vec<(Phase, Vec<Candidate>)>,
    /// Keys asked in the last rehearsal: not asked again while others
    /// remain.
    pub last_rehearsal: HashSet<String>,
    /// Whether `--company` was given (then a question must name it).
    pub company: bool,
}

/// The full structure, in order: (phase, how many questions). Extra
/// curveballs beyond the first are added only when the budget has room
/// after every follow-up.
pub const STRUCTURE: [(Phase, usize); 8] = [
    (Phase::Opener, 1),
    (Phase::Strengths, 1),
    (Phase::Weaknesses, 1),
    (Phase::Behavioral, 3),
    (Phase::Company, 1),
    (Phase::FiveYear, 1),
    (Phase::Curveball, 1),
    (Phase::Closing, 1),
];

/// How many more curveballs a generous budget may add.
pub const EXTRA_CURVEBALLS: usize = 2;

/// Why no rehearsal could be planned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    /// The budget cannot hold the four questions every rehearsal keeps.
    #[error(
        "a rehearsal needs at least {min_minutes} minutes with these banks (the opener, one \
         behavioural question, a curveball and your questions for them add up to {} of answer \
         limits); {budget_minutes} is too short: pass --minutes {min_minutes} or more",
        crate::text::duration::measured(*min_ms)
    )]
    TooShort {
        /// The smallest budget, in whole minutes (rounded up).
        min_minutes: u64,
        /// The smallest budget, ms.
        min_ms: u64,
        /// What was asked for, minutes.
        budget_minutes: u64,
    },
    /// A phase every rehearsal needs has no question.
    #[error("no {0} questions in the banks in use: a rehearsal needs at least one")]
    Missing(&'static str),
}

/// A planned rehearsal: the slots in order, and the budget.
#[derive(Debug, Clone, PartialEq)]
pub struct Rehearsal {
    /// Questions in order.
    pub slots: Vec<Slot>,
    /// The budget, ms.
    pub budget_ms: u64,
}

impl Rehearsal {
    /// What the questions' limits leave of the budget, for follow-ups.
    #[must_use]
    pub fn slack_ms(&self) -> u64 {
        let used: u64 = self.slots.iter().map(|s| s.limit_ms).sum();
        self.budget_ms.saturating_sub(used)
    }
}

/// Drop order when the budget is short (after follow-ups, which only ever
/// use what the questions leave): the second and third behavioural
/// question, the five-year plan, company or culture, strengths, weaknesses.
const DROP_ORDER: [(Phase, usize); 6] = [
    (Phase::Behavioral, 2),
    (Phase::Behavioral, 1),
    (Phase::FiveYear, 0),
    (Phase::Company, 0),
    (Phase::Strengths, 0),
    (Phase::Weaknesses, 0),
];

/// Plans a rehearsal within `budget_ms` of answer limits.
///
/// Each phase asks the question the user most needs: among its candidates
/// not asked in the last rehearsal (all of them if that leaves none) and
/// not already planned, preferred ones first; then a practised question
/// whose hesitation score reaches [`STICKY_SCORE`] (the stickiest); else a
/// never-practised one; else the stickiest of the rest. Ties and the
/// choice among never-practised ones are drawn from `seed`. With
/// `company`, the company phase asks a question that names the company
/// when it has one, and if that phase does not fit, another kept
/// question that names it replaces one of its phase.
pub fn plan(offer: &Offer, budget_ms: u64, seed: u64) -> Result<Rehearsal, PlanError> {
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let mut taken: HashSet<usize> = HashSet::new();
    // (phase, position within phase, slot)
    let mut slots: Vec<(Phase, usize, Slot)> = Vec::new();
    let candidates = |phase: Phase| {
        offer
            .phases
            .iter()
            .find(|(p, _)| *p == phase)
            .map_or(&[][..], |(_, c)| &c[..])
    };
    for (phase, n) in STRUCTURE {
        for k in 0..n {
            let must_name = offer.company && phase == Phase::Company;
            let Some(c) = pick(candidates(phase), offer, &taken, must_name, &mut rng) else {
                break;
            };
            taken.insert(c.index);
            slots.push((phase, k, slot(phase, c)));
        }
    }
    for (phase, name) in [
        (Phase::Opener, "tell-me-about-yourself"),
        (Phase::Behavioral, "behavioral"),
        (Phase::Curveball, "curveball"),
        (Phase::Closing, "questions-to-ask"),
    ] {
        if !slots.iter().any(|s| s.0 == phase) {
            return Err(PlanError::Missing(name));
        }
    }
    let total =
        |slots: &[(Phase, usize, Slot)]| -> u64 { slots.iter().map(|s| s.2.limit_ms).sum() };
    for (phase, k) in DROP_ORDER {
        if total(&slots) <= budget_ms {
            break;
        }
        slots.retain(|s| !(s.0 == phase && s.1 == k));
    }
    if total(&slots) > budget_ms {
        // Only the four every rehearsal keeps are left, and their limits
        // differ by question: the smallest budget is the shortest question
        // of each of their phases, whatever was picked. When the budget
        // holds that, re-pick (in order) each question that leaves no room
        // for the shortest of the ones after it.
        let shortest = |phase: Phase| {
            candidates(phase)
                .iter()
                .map(|c| c.limit_ms)
                .min()
                .unwrap_or(0)
        };
        let min_ms: u64 = slots.iter().map(|s| shortest(s.0)).sum();
        if min_ms > budget_ms {
            return Err(PlanError::TooShort {
                min_minutes: min_ms.div_ceil(60_000),
                min_ms,
                budget_minutes: budget_ms / 60_000,
            });
        }
        let naming = offer.company && !slots.iter().any(|s| names_company(offer, s.2.index));
        taken = fit(&mut slots, offer, budget_ms, naming, &mut rng);
    }
    // A generous budget: more curveballs, once every follow-up fits too.
    for k in 1..=EXTRA_CURVEBALLS {
        let with_followups: u64 = slots
            .iter()
            .map(|s| s.2.limit_ms + s.2.followup_ms.unwrap_or(0))
            .sum();
        let Some(c) = pick(candidates(Phase::Curveball), offer, &taken, false, &mut rng) else {
            break;
        };
        let extra = slot(Phase::Curveball, c);
        if with_followups + extra.limit_ms + extra.followup_ms.unwrap_or(0) > budget_ms {
            break;
        }
        taken.insert(c.index);
        let at = slots
            .iter()
            .rposition(|s| s.0 == Phase::Curveball)
            .map_or(slots.len(), |i| i + 1);
        slots.insert(at, (Phase::Curveball, k, extra));
    }
    if offer.company {
        name_the_company(&mut slots, offer, &taken, budget_ms);
        // No one question could be swapped within the budget: re-pick
        // around one of your questions for them that names it.
        if !slots.iter().any(|s| names_company(offer, s.2.index)) {
            let before = slots.clone();
            fit(&mut slots, offer, budget_ms, true, &mut rng);
            if total(&slots) > budget_ms {
                slots = before;
            }
        }
    }
    Ok(Rehearsal {
        slots: slots.into_iter().map(|s| s.2).collect(),
        budget_ms,
    })
}

/// Whether the question at `index` names the company.
fn names_company(offer: &Offer, index: usize) -> bool {
    offer
        .phases
        .iter()
        .flat_map(|(_, cs)| cs.iter())
        .any(|c| c.index == index && c.names_company)
}

/// Re-picks planned questions so that their limits fit in `budget_ms`
/// (which holds the shortest question of each of their phases): in order,
/// a question is kept when it leaves room for the shortest of the ones not
/// yet decided, else another of its phase that does is picked. With
/// `naming`, your questions for them are decided first, among those that
/// name the company. Returns the planned questions' indices.
fn fit(
    slots: &mut [(Phase, usize, Slot)],
    offer: &Offer,
    budget_ms: u64,
    naming: bool,
    rng: &mut rand_chacha::ChaCha8Rng,
) -> HashSet<usize> {
    let candidates = |phase: Phase| {
        offer
            .phases
            .iter()
            .find(|(p, _)| *p == phase)
            .map_or(&[][..], |(_, c)| &c[..])
    };
    let shortest = |phase: Phase| {
        candidates(phase)
            .iter()
            .map(|c| c.limit_ms)
            .min()
            .unwrap_or(0)
    };
    let mut taken: HashSet<usize> = slots.iter().map(|s| s.2.index).collect();
    let mut order: Vec<usize> = (0..slots.len()).collect();
    if naming {
        order.sort_by_key(|&i| slots[i].0 != Phase::Closing);
    }
    let mut done: Vec<usize> = Vec::new();
    for i in order {
        let fixed: u64 = done.iter().map(|&j| slots[j].2.limit_ms).sum();
        let rest: u64 = (0..slots.len())
            .filter(|j| *j != i && !done.contains(j))
            .map(|j| shortest(slots[j].0))
            .sum();
        done.push(i);
        let room = budget_ms.saturating_sub(fixed).saturating_sub(rest);
        let phase = slots[i].0;
        let must_name = naming && phase == Phase::Closing;
        if slots[i].2.limit_ms <= room && (!must_name || names_company(offer, slots[i].2.index)) {
            continue;
        }
        let fits: Vec<Candidate> = candidates(phase)
            .iter()
            .filter(|c| c.limit_ms <= room)
            .cloned()
            .collect();
        taken.remove(&slots[i].2.index);
        if let Some(c) = pick(&fits, offer, &taken, must_name, rng) {
            slots[i].2 = slot(phase, c);
        }
        taken.insert(slots[i].2.index);
    }
    taken
}

fn slot(phase: Phase, c: &Candidate) -> Slot {
    Slot {
        phase,
        index: c.index,
        limit_ms: c.limit_ms,
        followup_ms: c.has_followup.then(|| followup_limit(c.limit_ms)),
    }
}

/// The question a phase asks (see [`plan`]).
fn pick<'c>(
    all: &'c [Candidate],
    offer: &Offer,
    taken: &HashSet<usize>,
    must_name_company: bool,
    rng: &mut rand_chacha::ChaCha8Rng,
) -> Option<&'c Candidate> {
    let open: Vec<&Candidate> = all.iter().filter(|c| !taken.contains(&c.index)).collect();
    let fresh: Vec<&Candidate> = open
        .iter()
        .copied()
        .filter(|c| !offer.last_rehearsal.contains(&c.key))
        .collect();
    let mut pool = if fresh.is_empty() { open } else { fresh };
    if must_name_company && pool.iter().any(|c| c.names_company) {
        pool.retain(|c| c.names_company);
    }
    if pool.iter().any(|c| c.preferred) {
        pool.retain(|c| c.preferred);
    }
    // Shuffled first: the seed breaks every tie below.
    pool.shuffle(rng);
    let stickiest = |pool: &[&'c Candidate]| {
        pool.iter().copied().filter(|c| c.score.is_some()).fold(
            None,
            |best: Option<&Candidate>, c| match best {
                Some(b) if b.score >= c.score => Some(b),
                _ => Some(c),
            },
        )
    };
    if let Some(c) = stickiest(&pool).filter(|c| c.score.is_some_and(|s| s >= STICKY_SCORE)) {
        return Some(c);
    }
    if let Some(c) = pool.iter().copied().find(|c| c.score.is_none()) {
        return Some(c);
    }
    stickiest(&pool).or_else(|| pool.first().copied())
}

/// With `--company`: when no planned question names the company, replace
/// one (the closing question first, then the opener, then the rest) with
/// an unplanned question of its phase that does.
fn name_the_company(
    slots: &mut [(Phase, usize, Slot)],
    offer: &Offer,
    taken: &HashSet<usize>,
    budget_ms: u64,
) {
    let names = |index: usize| {
        offer
            .phases
            .iter()
            .flat_map(|(_, cs)| cs.iter())
            .any(|c| c.index == index && c.names_company)
    };
    if slots.iter().any(|s| names(s.2.index)) {
        return;
    }
    let total: u64 = slots.iter().map(|s| s.2.limit_ms).sum();
    let mut order: Vec<usize> = (0..slots.len()).collect();
    order.sort_by_key(|&i| match slots[i].0 {
        Phase::Closing => 0,
        Phase::Opener => 1,
        _ => 2,
    });
    for i in order {
        let phase = slots[i].0;
        let replacement = offer
            .phases
            .iter()
            .filter(|(p, _)| *p == phase)
            .flat_map(|(_, cs)| cs.iter())
            .find(|c| {
                c.names_company
                    && !taken.contains(&c.index)
                    && total - slots[i].2.limit_ms + c.limit_ms <= budget_ms
            });
        if let Some(c) = replacement {
            slots[i].2 = slot(phase, c);
            return;
        }
    }
}

#[cfg(test)]
mod tests;
