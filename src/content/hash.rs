//! Fast maps for the analyzer: the Fx hash (the `rustc-hash` crate) for
//! its small string maps (stems, written forms), and [`WordMap`] for the
//! lookups made once per answer word (the built-in lists, a question's cue
//! words).
//!
//! The standard `SipHash` resists hash flooding, which the analyzer does not
//! need (its keys are the user's own answers and banks, and every map is
//! rebuilt per question), and it cost more than half the analyzer's time
//! on a 300-word answer.

/// A `HashMap` with the Fx hash.
pub type FastMap<K, V> = rustc_hash::FxHashMap<K, V>;
/// A `HashSet` with the Fx hash.
pub type FastSet<K> = rustc_hash::FxHashSet<K>;

/// Longest word a [`WordMap`] keeps inline, in bytes.
pub const INLINE: usize = 15;

/// A word of 1 to [`INLINE`] bytes packed into two machine words, its
/// length in the last byte (so "a" and "a\0" differ, and no packed word
/// is all zeros: zero marks an empty slot).
#[inline]
fn pack(word: &str) -> Option<[u64; 2]> {
    let b = word.as_bytes();
    let n = b.len();
    // Overlapping fixed-size loads instead of a variable-length copy (a
    // `memcpy` call per word): the bytes both loads see are the same, so
    // OR-ing them is exact.
    let load8 = |at: usize| {
        let mut w = [0u8; 8];
        w.copy_from_slice(&b[at..at + 8]);
        u64::from_le_bytes(w)
    };
    let load4 = |at: usize| {
        let mut w = [0u8; 4];
        w.copy_from_slice(&b[at..at + 4]);
        u64::from(u32::from_le_bytes(w))
    };
    let (lo, hi) = match n {
        0 => return None,
        1..=3 => {
            let mut lo = 0u64;
            for (i, c) in b.iter().enumerate() {
                lo |= u64::from(*c) << (8 * i);
            }
            (lo, 0)
        }
        4..=7 => (load4(0) | load4(n - 4) << (8 * (n - 4)), 0),
        8 => (load8(0), 0),
        9..=INLINE => (load8(0), load8(n - 8) >> (8 * (16 - n))),
        _ => return None,
    };
    Some([lo, hi | (n as u64) << 56])
}

/// A map from words to small values, for the lookups the analyzer makes
/// once per answer word (the built-in lists, a question's cue words).
///
/// A word of up to [`INLINE`] bytes (nearly all of them) is packed into
/// two machine words and found by open addressing: hashing it is two
/// multiplications and comparing it two integer compares, where a
/// `HashMap<String, _>` hashes byte by byte and calls `memcmp` (those two
/// were a quarter of the analyzer's time). Longer words go to an ordinary
/// map beside it.
#[derive(Debug, Clone)]
pub struct WordMap<V> {
    keys: Vec<[u64; 2]>,
    values: Vec<V>,
    /// `keys.len()` is `1 << (64 - shift)`.
    shift: u32,
    inline: usize,
    long: FastMap<String, V>,
}

impl<V: Copy + Default> Default for WordMap<V> {
    fn default() -> Self {
        Self::new()
    }
}

impl<V: Copy + Default> WordMap<V> {
    /// An empty map (it allocates nothing until its first word).
    #[must_use]
    pub fn new() -> Self {
        Self {
            keys: Vec::new(),
            values: Vec::new(),
            shift: 0,
            inline: 0,
            long: FastMap::default(),
        }
    }

    /// An empty map with room for `words` words.
    #[must_use]
    pub fn with_capacity(words: usize) -> Self {
        Self::with_slots((words * 2).next_power_of_two().max(16))
    }

    fn with_slots(slots: usize) -> Self {
        Self {
            keys: vec![[0; 2]; slots],
            values: vec![V::default(); slots],
            shift: 64 - slots.trailing_zeros(),
            inline: 0,
            long: FastMap::default(),
        }
    }

    /// The slot `key` is in, or the empty slot where it would go.
    #[inline]
    fn slot(&self, key: [u64; 2]) -> usize {
        // Two odd multipliers mix the two words; the top bits pick the slot.
        const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let h = (key[0].wrapping_mul(SEED) ^ key[1]).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        let mask = self.keys.len() - 1;
        let mut at = (h >> self.shift) as usize;
        loop {
            let k = self.keys[at];
            if k == key || k == [0; 2] {
                return at;
            }
            at = (at + 1) & mask;
        }
    }

    /// The value of `word`.
    #[inline]
    #[must_use]
    pub fn get(&self, word: &str) -> Option<V> {
        let Some(key) = pack(word) else {
            return self.long.get(word).copied();
        };
        if self.keys.is_empty() {
            return None;
        }
        let at = self.slot(key);
        (self.keys[at] == key).then(|| self.values[at])
    }

    /// The value of `word`, inserting `make()` first when it has none.
    pub fn get_or_insert_with(&mut self, word: &str, make: impl FnOnce() -> V) -> &mut V {
        let Some(key) = pack(word) else {
            return self.long.entry(word.to_owned()).or_insert_with(make);
        };
        // Keep at most half the slots full, so probes stay short.
        if (self.inline + 1) * 2 > self.keys.len() {
            let mut bigger = Self::with_slots((self.keys.len() * 2).max(16));
            for (k, v) in self.keys.iter().zip(&self.values) {
                if *k != [0; 2] {
                    let at = bigger.slot(*k);
                    bigger.keys[at] = *k;
                    bigger.values[at] = *v;
                }
            }
            bigger.inline = self.inline;
            bigger.long = std::mem::take(&mut self.long);
            *self = bigger;
        }
        let at = self.slot(key);
        if self.keys[at] != key {
            self.keys[at] = key;
            self.values[at] = make();
            self.inline += 1;
        }
        &mut self.values[at]
    }

    /// How many words it holds.
    #[must_use]
    pub fn len(&self) -> usize {
        self.inline + self.long.len()
    }

    /// Whether it holds no word.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packing_is_the_bytes_then_the_length() {
        let text = "abcdefghijklmnopq";
        for n in 1..=INLINE {
            let mut buf = [0u8; 16];
            buf[..n].copy_from_slice(&text.as_bytes()[..n]);
            buf[15] = n as u8;
            let want = [
                u64::from_le_bytes(buf[..8].try_into().unwrap()),
                u64::from_le_bytes(buf[8..].try_into().unwrap()),
            ];
            assert_eq!(pack(&text[..n]), Some(want), "{n} bytes");
        }
        assert_eq!(pack(""), None);
        assert_eq!(pack(&text[..16]), None);
    }

    #[test]
    fn a_word_map_keeps_short_long_and_look_alike_words_apart() {
        let mut m: WordMap<u32> = WordMap::new();
        let words = ["a", "a\0", "ab", "abcdefgh", "abcdefghi", "abcdefghijklmno"];
        let long = "abcdefghijklmnop";
        for (i, w) in words.iter().chain([&long]).enumerate() {
            *m.get_or_insert_with(w, || 0) += i as u32 + 1;
        }
        // Enough words to grow it several times.
        for i in 0..200u32 {
            *m.get_or_insert_with(&format!("w{i}"), || 0) = i;
        }
        for (i, w) in words.iter().chain([&long]).enumerate() {
            assert_eq!(m.get(w), Some(i as u32 + 1), "{w:?}");
        }
        assert_eq!(m.get("w150"), Some(150));
        assert_eq!(m.get("abc"), None);
        assert_eq!(m.get(""), None);
        assert_eq!(m.get("abcdefghijklmnopq"), None);
        assert_eq!(m.len(), 207);
    }

    #[test]
    fn equal_keys_hash_equal_and_distinct_keys_are_kept_apart() {
        let mut m: FastMap<String, u32> = FastMap::default();
        for (i, w) in ["a", "ab", "abcdefgh", "abcdefghi", ""].iter().enumerate() {
            m.insert((*w).to_string(), i as u32);
        }
        assert_eq!(m.get("abcdefghi"), Some(&3));
        assert_eq!(m.get(""), Some(&4));
        assert_eq!(m.len(), 5);
    }
}
