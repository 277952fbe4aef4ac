//! The rehearsal planner on synthetic banks: structure, order, budget,
//! drop order, company naming, choice within a phase.

use super::*;

/// Limits like the built-in banks'.
fn limit(phase: Phase) -> u64 {
    match phase {
        Phase::Opener | Phase::Curveball => 120_000,
        Phase::Strengths => 60_000,
        Phase::Weaknesses | Phase::Company => 90_000,
        Phase::Behavioral => 150_000,
        Phase::FiveYear => 75_000,
        Phase::Closing => 50_000,
    }
}

const PHASES: [Phase; 8] = [
    Phase::Opener,
    Phase::Strengths,
    Phase::Weaknesses,
    Phase::Behavioral,
    Phase::Company,
    Phase::FiveYear,
    Phase::Curveball,
    Phase::Closing,
];

/// Ten questions per phase, indices `phase * 100 + i`; the first two of
/// each name the company.
fn offer() -> Offer {
    Offer {
        phases: PHASES
            .iter()
            .enumerate()
            .map(|(p, &phase)| {
                let cands = (0..10)
                    .map(|i| Candidate {
                        index: p * 100 + i,
                        key: format!("{}/q{i}", phase.label()),
                        limit_ms: limit(phase),
                        has_followup: true,
                        names_company: i < 2,
                        score: None,
                        preferred: false,
                    })
                    .collect();
                (phase, cands)
            })
            .collect(),
        ..Offer::default()
    }
}

fn phases(r: &Rehearsal) -> Vec<Phase> {
    r.slots.iter().map(|s| s.phase).collect()
}

fn minutes(m: u64) -> u64 {
    m * 60_000
}

#[test]
fn thirty_minutes_hold_the_whole_interview_in_order_ending_with_your_questions() {
    let r = plan(&offer(), minutes(30), 1).unwrap();
    let p = phases(&r);
    assert_eq!(p.first(), Some(&Phase::Opener));
    assert_eq!(p.last(), Some(&Phase::Closing));
    let mut sorted = p.clone();
    sorted.sort();
    assert_eq!(p, sorted, "phases in interview order");
    assert_eq!(p.iter().filter(|x| **x == Phase::Behavioral).count(), 3);
    for phase in PHASES {
        assert!(p.contains(&phase), "{phase:?} missing: {p:?}");
    }
    let limits: u64 = r.slots.iter().map(|s| s.limit_ms).sum();
    let with_followups: u64 = r
        .slots
        .iter()
        .map(|s| s.limit_ms + s.followup_ms.unwrap_or(0))
        .sum();
    assert!(limits <= minutes(30));
    assert!(with_followups <= minutes(30), "{with_followups}");
    // No question twice.
    let mut idx: Vec<usize> = r.slots.iter().map(|s| s.index).collect();
    idx.sort_unstable();
    idx.dedup();
    assert_eq!(idx.len(), r.slots.len());
}

#[test]
fn twenty_minutes_still_cover_at_least_five_categories() {
    let r = plan(&offer(), minutes(20), 3).unwrap();
    let mut p = phases(&r);
    p.dedup();
    assert!(p.len() >= 5, "{p:?}");
    assert!(r.slots.iter().map(|s| s.limit_ms).sum::<u64>() <= minutes(20));
}

#[test]
fn a_short_budget_drops_in_the_documented_order_and_keeps_the_four() {
    let full: u64 = 120 + 60 + 90 + 3 * 150 + 90 + 75 + 120 + 50;
    let keep4: u64 = 120 + 150 + 120 + 50;
    let cases: [(u64, &[Phase]); 7] = [
        (full, &PHASES),
        (full - 150, &PHASES),
        // Both extra behavioural questions gone.
        (full - 300, &PHASES),
        (
            full - 300 - 75,
            &[
                Phase::Opener,
                Phase::Strengths,
                Phase::Weaknesses,
                Phase::Behavioral,
                Phase::Company,
                Phase::Curveball,
                Phase::Closing,
            ],
        ),
        (
            full - 300 - 75 - 90,
            &[
                Phase::Opener,
                Phase::Strengths,
                Phase::Weaknesses,
                Phase::Behavioral,
                Phase::Curveball,
                Phase::Closing,
            ],
        ),
        (
            keep4 + 90,
            &[
                Phase::Opener,
                Phase::Weaknesses,
                Phase::Behavioral,
                Phase::Curveball,
                Phase::Closing,
            ],
        ),
        (
            keep4,
            &[
                Phase::Opener,
                Phase::Behavioral,
                Phase::Curveball,
                Phase::Closing,
            ],
        ),
    ];
    for (secs, want) in cases {
        let r = plan(&offer(), secs * 1000, 5).unwrap();
        let mut p = phases(&r);
        p.dedup();
        assert_eq!(p, want, "budget {secs}s");
    }
    let behavioural = |secs: u64| {
        let r = plan(&offer(), secs * 1000, 5).unwrap();
        r.slots
            .iter()
            .filter(|s| s.phase == Phase::Behavioral)
            .count()
    };
    assert_eq!(behavioural(full), 3);
    assert_eq!(behavioural(full - 150), 2);
    assert_eq!(behavioural(full - 300), 1);
}

#[test]
fn below_the_smallest_budget_it_says_the_minimum() {
    let err = plan(&offer(), 440_000 - 1, 1).unwrap_err();
    assert_eq!(
        err,
        PlanError::TooShort {
            min_minutes: 8,
            min_ms: 440_000,
            budget_minutes: 7
        }
    );
    assert!(err.to_string().contains("--minutes 8"), "{err}");
    assert!(plan(&offer(), 440_000, 1).is_ok());
}

#[test]
fn a_generous_budget_adds_curveballs_after_every_follow_up_fits() {
    let r = plan(&offer(), minutes(60), 2).unwrap();
    let curve = r
        .slots
        .iter()
        .filter(|s| s.phase == Phase::Curveball)
        .count();
    assert_eq!(curve, 1 + EXTRA_CURVEBALLS);
    assert_eq!(phases(&r).last(), Some(&Phase::Closing));
    let tight = plan(&offer(), minutes(27), 2).unwrap();
    assert_eq!(
        tight
            .slots
            .iter()
            .filter(|s| s.phase == Phase::Curveball)
            .count(),
        1
    );
}

#[test]
fn follow_ups_get_half_their_questions_limit_and_at_least_30_seconds() {
    assert_eq!(followup_limit(150_000), 75_000);
    assert_eq!(followup_limit(50_000), 30_000);
    let r = plan(&offer(), minutes(30), 1).unwrap();
    for s in &r.slots {
        assert_eq!(s.followup_ms, Some(followup_limit(s.limit_ms)));
    }
}

#[test]
fn the_stickiest_or_a_never_practised_question_and_not_last_times() {
    let mut o = offer();
    // Weaknesses: q3 stalls the user (score 12), the rest practised smoothly.
    let weak = o
        .phases
        .iter_mut()
        .find(|p| p.0 == Phase::Weaknesses)
        .unwrap();
    for c in &mut weak.1 {
        c.score = Some(1.0);
    }
    weak.1[3].score = Some(12.0);
    // Strengths: all practised smoothly but q7, never practised.
    let strong = o
        .phases
        .iter_mut()
        .find(|p| p.0 == Phase::Strengths)
        .unwrap();
    for c in &mut strong.1 {
        c.score = Some(1.0);
    }
    strong.1[7].score = None;
    for seed in 0..20 {
        let r = plan(&o, minutes(30), seed).unwrap();
        let of = |phase| r.slots.iter().find(|s| s.phase == phase).unwrap().index;
        assert_eq!(of(Phase::Weaknesses), 203, "seed {seed}");
        assert_eq!(of(Phase::Strengths), 107, "seed {seed}");
    }
    // Rehearsed last time: another one now.
    o.last_rehearsal.insert("Weaknesses/q3".into());
    let r = plan(&o, minutes(30), 1).unwrap();
    let w = r
        .slots
        .iter()
        .find(|s| s.phase == Phase::Weaknesses)
        .unwrap();
    assert_ne!(w.index, 203);
}

#[test]
fn the_seed_reproduces_the_plan_and_changes_it() {
    let a = plan(&offer(), minutes(30), 11).unwrap();
    assert_eq!(a, plan(&offer(), minutes(30), 11).unwrap());
    let differs = (0..10).any(|s| plan(&offer(), minutes(30), s).unwrap() != a);
    assert!(differs);
}

#[test]
fn caught_off_guard_questions_are_preferred_in_the_curveball_phase() {
    let mut o = offer();
    let curve = o
        .phases
        .iter_mut()
        .find(|p| p.0 == Phase::Curveball)
        .unwrap();
    curve.1[6].preferred = true;
    for seed in 0..10 {
        let r = plan(&o, minutes(30), seed).unwrap();
        let first = r
            .slots
            .iter()
            .find(|s| s.phase == Phase::Curveball)
            .unwrap();
        assert_eq!(first.index, 606);
    }
}

#[test]
fn with_a_company_a_question_names_it_even_when_its_phase_is_dropped() {
    let mut o = offer();
    o.company = true;
    for seed in 0..10 {
        let r = plan(&o, minutes(30), seed).unwrap();
        let company = r.slots.iter().find(|s| s.phase == Phase::Company).unwrap();
        assert!(company.index % 100 < 2, "seed {seed}: {company:?}");
    }
    // At the smallest budget only four questions are left; one of them is
    // made to name the company.
    let r = plan(&o, 440_000, 4).unwrap();
    assert!(r.slots.iter().any(|s| s.index % 100 < 2), "{r:?}");
}

#[test]
fn a_phase_every_rehearsal_needs_must_have_questions() {
    let mut o = offer();
    o.phases.retain(|p| p.0 != Phase::Closing);
    assert_eq!(
        plan(&o, minutes(30), 1).unwrap_err(),
        PlanError::Missing("questions-to-ask")
    );
}

/// Limits differ by question within a bank (the built-in opener has 30 s
/// and 2m30s questions): the smallest budget is the shortest question of
/// each kept phase, the same whatever the seed, and every seed fits in it.
#[test]
fn the_minimum_is_the_shortest_four_whatever_the_seed() {
    let mut o = offer();
    for (phase, cands) in &mut o.phases {
        for (i, c) in cands.iter_mut().enumerate() {
            // One short question per phase, the rest much longer.
            c.limit_ms = if i == 5 { 30_000 } else { limit(*phase) * 2 };
        }
    }
    let min_ms = 4 * 30_000;
    for seed in 0..30 {
        let err = plan(&o, min_ms - 1, seed).unwrap_err();
        assert_eq!(
            err,
            PlanError::TooShort {
                min_minutes: 2,
                min_ms,
                budget_minutes: 1
            },
            "seed {seed}"
        );
        let r = plan(&o, min_ms, seed).unwrap_or_else(|e| panic!("seed {seed}: {e}"));
        assert_eq!(
            phases(&r),
            [
                Phase::Opener,
                Phase::Behavioral,
                Phase::Curveball,
                Phase::Closing
            ]
        );
        let used: u64 = r.slots.iter().map(|s| s.limit_ms).sum();
        assert!(used <= min_ms, "seed {seed}: {r:?}");
        // A budget between: every seed fits, keeping long questions where
        // they still fit.
        let r = plan(&o, minutes(5), seed).unwrap_or_else(|e| panic!("seed {seed}: {e}"));
        let used: u64 = r.slots.iter().map(|s| s.limit_ms).sum();
        assert!(used <= minutes(5), "seed {seed}: {r:?}");
    }
}

/// At the smallest budgets too, with a company a question names it: the
/// closing question is chosen first among those that fit.
#[test]
fn with_a_company_the_smallest_budget_still_names_it() {
    let mut o = offer();
    o.company = true;
    for (phase, cands) in &mut o.phases {
        for (i, c) in cands.iter_mut().enumerate() {
            // Short questions that do not name the company, and one of
            // your questions for them that does, a little longer.
            c.names_company = *phase == Phase::Closing && i == 7;
            c.limit_ms = match (i, c.names_company) {
                (_, true) => 45_000,
                (5, false) => 30_000,
                // Fits only when the rest are at their shortest.
                (6, false) => 60_000,
                _ => limit(*phase) * 2,
            };
        }
    }
    for seed in 0..30 {
        let budget = 3 * 30_000 + 60_000;
        let r = plan(&o, budget, seed).unwrap_or_else(|e| panic!("seed {seed}: {e}"));
        assert!(r.slots.iter().any(|s| s.index == 707), "seed {seed}: {r:?}");
        let used: u64 = r.slots.iter().map(|s| s.limit_ms).sum();
        assert!(used <= budget, "seed {seed}: {r:?}");
    }
}

#[test]
fn each_category_belongs_to_one_phase() {
    assert_eq!(
        Phase::of_category("tell-me-about-yourself"),
        Some(Phase::Opener)
    );
    assert_eq!(Phase::of_category("culture-fit"), Some(Phase::Company));
    assert_eq!(
        Phase::of_category("caught-off-guard"),
        Some(Phase::Curveball)
    );
    assert_eq!(Phase::of_category("questions-to-ask"), Some(Phase::Closing));
    assert_eq!(Phase::of_category("salary"), None);
}
