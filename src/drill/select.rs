//! Drawing questions: random without repeats; when more are asked for
//! than exist they come round again in a new order, never the same one
//! twice in a row. A seed makes the draw reproducible across platforms and
//! releases (`ChaCha8`, whose output is fixed by its specification).

use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;

/// Draws `count` indices into a pool of `pool` items. Same `seed` → same
/// draw. Returns an empty list when `pool` is 0.
///
/// The draw is made of *rounds*: each round is a fresh Fisher–Yates shuffle
/// of `0..pool` (from one `ChaCha8Rng` seeded with `seed`), so no index
/// repeats until every index has been drawn once. When a new round would
/// start with the index that ended the previous one, that first index is
/// swapped with the round's last one, so the same question never comes
/// twice in a row. The single exception is a pool of one, which can only
/// repeat.
///
/// The swap is deterministic (no extra random draw) so the sequence for a
/// seed depends only on `ChaCha8` and `shuffle`, which the tests pin.
#[must_use]
pub fn draw(pool: usize, count: usize, seed: u64) -> Vec<usize> {
    if pool == 0 {
        return Vec::new();
    }
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut out = Vec::with_capacity(count);
    while out.len() < count {
        let mut round: Vec<usize> = (0..pool).collect();
        round.shuffle(&mut rng);
        if pool > 1 && out.last() == round.first() {
            round.swap(0, pool - 1);
        }
        let take = (count - out.len()).min(pool);
        out.extend_from_slice(&round[..take]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn empty_pool_draws_nothing() {
        assert!(draw(0, 5, 1).is_empty());
        assert!(draw(0, 0, 1).is_empty());
    }

    #[test]
    fn zero_count_draws_nothing() {
        assert!(draw(7, 0, 1).is_empty());
    }

    #[test]
    fn pool_of_one_repeats() {
        assert_eq!(draw(1, 4, 99), vec![0, 0, 0, 0]);
    }

    #[test]
    fn same_seed_same_draw() {
        for seed in 0..50 {
            assert_eq!(draw(9, 30, seed), draw(9, 30, seed));
        }
    }

    #[test]
    fn different_seeds_usually_differ() {
        let distinct: HashSet<Vec<usize>> = (0..20).map(|s| draw(8, 8, s)).collect();
        assert!(
            distinct.len() > 15,
            "only {} distinct draws",
            distinct.len()
        );
    }

    /// Pins the exact sequence for a fixed seed: if a dependency upgrade
    /// changes it, `--seed` would stop reproducing old sessions.
    #[test]
    fn fixed_seed_gives_fixed_sequence() {
        assert_eq!(draw(5, 12, 42), PINNED_5_12_42);
        assert_eq!(draw(3, 7, 7), PINNED_3_7_7);
    }

    /// Seed 1 shuffles rounds [2, 0, 1] then [1, 2, 0]: the second round
    /// would repeat 1 across the boundary, so its ends are swapped.
    #[test]
    fn fixed_seed_pins_the_boundary_swap() {
        assert_eq!(draw(3, 6, 1), vec![2, 0, 1, 0, 2, 1]);
    }

    const PINNED_5_12_42: [usize; 12] = [2, 1, 0, 4, 3, 0, 4, 2, 3, 1, 4, 2];
    const PINNED_3_7_7: [usize; 7] = [0, 2, 1, 0, 2, 1, 0];

    #[test]
    fn no_repeats_within_a_round_over_many_seeds() {
        for seed in 0..300 {
            for pool in 1..12 {
                let d = draw(pool, pool * 3 + 2, seed);
                for round in d.chunks(pool) {
                    let set: HashSet<_> = round.iter().collect();
                    assert_eq!(set.len(), round.len(), "seed {seed} pool {pool}: {d:?}");
                }
                assert!(d.iter().all(|&i| i < pool));
            }
        }
    }

    #[test]
    fn count_within_pool_is_a_partial_permutation() {
        for seed in 0..100 {
            let d = draw(10, 4, seed);
            assert_eq!(d.len(), 4);
            let set: HashSet<_> = d.iter().collect();
            assert_eq!(set.len(), 4);
        }
    }

    #[test]
    fn full_rounds_cover_the_pool() {
        for seed in 0..100 {
            let d = draw(6, 18, seed);
            for round in d.chunks(6) {
                let mut r = round.to_vec();
                r.sort_unstable();
                assert_eq!(r, vec![0, 1, 2, 3, 4, 5]);
            }
        }
    }

    #[test]
    fn never_the_same_index_twice_in_a_row_over_many_seeds() {
        for seed in 0..500 {
            for pool in 2..9 {
                let d = draw(pool, pool * 5, seed);
                assert_eq!(d.len(), pool * 5);
                for w in d.windows(2) {
                    assert_ne!(w[0], w[1], "seed {seed} pool {pool}: {d:?}");
                }
            }
        }
    }

    #[test]
    fn pool_of_two_alternates() {
        for seed in 0..50 {
            let d = draw(2, 9, seed);
            for w in d.windows(2) {
                assert_ne!(w[0], w[1]);
            }
        }
    }
}
