//! Drawing questions: random without repeats; when more are asked for
//! than exist they come round again in a new order, never the same one
//! twice in a row. A seed makes the draw reproducible across platforms and
//! releases (ChaCha8, whose output is fixed by its specification).

/// Draws `count` indices into a pool of `pool` items. Same `seed` → same
/// draw. Returns an empty list when `pool` is 0.
pub fn draw(_pool: usize, _count: usize, _seed: u64) -> Vec<usize> {
    unimplemented!("engine helper")
}
