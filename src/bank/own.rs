//! The bank `hotseat reflect` maintains: `<home>/banks/caught-off-guard.yaml`,
//! the questions that caught the user off guard in real interviews.
//!
//! The file is the user's as much as ours: it is read back through the
//! loader (so hand edits to its fields are kept, and a broken file is
//! refused with the loader's `file:line` message), new questions are
//! added, and the whole bank is written again. Rules, because two reflect
//! runs may meet and a reader may look at any moment:
//! - the read–add–write happens under an exclusive `flock` on a lock file
//!   beside the bank (`.caught-off-guard.yaml.lock`, never loaded as a bank),
//!   so concurrent runs add their questions one after the other and none is
//!   lost;
//! - the new text goes to a temporary file in the same folder, is synced,
//!   and replaces the bank by `rename`, so a reader sees the old bank or the
//!   new one, never half of one; it is `0600`, like everything of the user's;
//! - what is written is parsed back with the loader first: a bank that
//!   `banks check` would refuse is never written.

use std::collections::HashSet;
use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::error::{BankError, Problem};
use super::load::{MAX_FILE_BYTES, check_file, parse_bank};
use super::validate::to_kebab;
use super::{Avoid, Bank, Point, Source};
use crate::text::duration::written;

/// The category of the maintained bank.
pub const CATEGORY: &str = "caught-off-guard";
/// Its file name inside `<home>/banks/`.
pub const FILE_NAME: &str = "caught-off-guard.yaml";
/// The lock file beside it (a dot file: the loader skips it).
const LOCK_NAME: &str = ".caught-off-guard.yaml.lock";
/// Its title when we create it.
const TITLE: &str = "Caught off guard";
/// Its description when we create it.
const DESCRIPTION: &str =
    "Questions that caught you off guard in real interviews, logged with hotseat reflect.";
/// The longest id made from a question's text; longer ones are cut at a
/// word boundary.
const MAX_ID: usize = 48;

/// The comment at the top of the file. Comments are not kept on rewrite,
/// so this says so.
const HEADER: &str = "\
# Maintained by `hotseat reflect`: the questions that caught you off guard
# in real interviews. Each reflection adds its questions here.
# You may edit the fields by hand (text, tips, follow-ups, limits, points to
# listen for): they are kept. Comments are not: the file is rewritten each
# time a question is added.
";

/// A generic tip every added question carries beside the one naming its
/// interview: what to do when a question surprises you.
const TIP: &str = "When a question surprises you, say so calmly, restate it in your own words, \
     then answer with one concrete example.";
/// The follow-up every added question carries.
const FOLLOWUP: &str = "Can you give me a specific example of that?";

/// The interview a question came from, for the tip that points back to it.
#[derive(Debug, Clone, Copy)]
pub struct Origin<'a> {
    /// The company.
    pub company: &'a str,
    /// The role, when known.
    pub role: Option<&'a str>,
    /// The day of the interview, `2026-11-30`.
    pub date: &'a str,
}

/// What adding questions did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Added {
    /// The bank file.
    pub path: PathBuf,
    /// Ids of the questions added, in order.
    pub added: Vec<String>,
    /// Texts that were already in the bank (or given twice) and so not
    /// added again.
    pub already: Vec<String>,
    /// Texts with nothing left once made safe (only punctuation, controls).
    pub empty: Vec<String>,
}

/// Why the bank could not be updated.
#[derive(Debug, thiserror::Error)]
pub enum OwnError {
    /// The existing file is not a valid bank (or the result would not be):
    /// the loader's located problems. A usage error.
    #[error("{0}")]
    Bank(BankError),
    /// The OS refused: the path and what it said. A runtime error.
    #[error("cannot {action} {}: {error}", path.display())]
    Io {
        /// What we were doing.
        action: &'static str,
        /// The file or folder.
        path: PathBuf,
        /// What the OS said.
        error: io::Error,
    },
}

fn io_error<'a>(action: &'static str, path: &'a Path) -> impl FnOnce(io::Error) -> OwnError + 'a {
    move |error| OwnError::Io {
        action,
        path: path.to_path_buf(),
        error,
    }
}

/// Adds each of `texts` to `<banks_dir>/caught-off-guard.yaml` (creating
/// the folder `0700` and the file if missing), skipping any already there
/// (same text ignoring case, spacing and punctuation). Each new question
/// gets an id made from its text, a tip naming `origin`, a generic tip and
/// a follow-up. The file is not touched when nothing is new.
pub fn add_questions(
    banks_dir: &Path,
    texts: &[String],
    origin: Origin<'_>,
) -> Result<Added, OwnError> {
    let path = banks_dir.join(FILE_NAME);
    let mut outcome = Added {
        path: path.clone(),
        ..Added::default()
    };
    if texts.is_empty() {
        return Ok(outcome);
    }
    ensure_dir(banks_dir)?;
    let lock_path = banks_dir.join(LOCK_NAME);
    let lock = open_private(&lock_path, false).map_err(io_error("open", &lock_path))?;
    lock_exclusive(&lock).map_err(io_error("lock", &lock_path))?;

    // Read under the lock: a run that finished a moment ago is in it.
    let mut bank = if path.exists() {
        let bank = check_file(&path).map_err(OwnError::Bank)?;
        if bank.category != CATEGORY {
            return Err(OwnError::Bank(BankError::one(
                Problem::new(format!(
                    "category is {:?}, but this file holds the {CATEGORY} questions hotseat reflect adds",
                    bank.category
                ))
                .in_file(&path)
                .field("category")
                .fix(format!(
                    "write `category: {CATEGORY}` back, or rename the file to keep your own bank"
                )),
            )));
        }
        bank
    } else {
        Bank {
            category: CATEGORY.into(),
            title: TITLE.into(),
            description: Some(DESCRIPTION.into()),
            limit: None,
            think: None,
            questions: Vec::new(),
            source: Source::File(path.clone()),
            listen_for: Vec::new(),
            avoid: Vec::new(),
        }
    };

    let mut keys: HashSet<String> = bank.questions.iter().map(|q| same_key(&q.text)).collect();
    let mut ids: HashSet<String> = bank.questions.iter().map(|q| q.id.clone()).collect();
    let company = make_safe(origin.company);
    let role = origin.role.map(make_safe).filter(|r| !r.is_empty());
    let from = match &role {
        Some(role) => format!("{company} ({role})"),
        None => company.clone(),
    };
    for raw in texts {
        let text = make_safe(raw);
        let key = same_key(&text);
        if key.is_empty() {
            outcome.empty.push(raw.clone());
            continue;
        }
        if !keys.insert(key) {
            outcome.already.push(text);
            continue;
        }
        let id = unique_id(&text, &ids);
        ids.insert(id.clone());
        bank.questions.push(super::Question {
            id: id.clone(),
            text,
            followups: vec![FOLLOWUP.into()],
            tips: vec![
                format!(
                    "From your interview at {from} on {}: this question caught you off guard. \
                     Practise it until it no longer does.",
                    origin.date
                ),
                TIP.into(),
            ],
            limit: None,
            think: None,
            tags: vec!["reflect".into()],
            situation: None,
            listen_for: Vec::new(),
            skip_points: Vec::new(),
            avoid: Vec::new(),
        });
        outcome.added.push(id);
    }
    if outcome.added.is_empty() {
        return Ok(outcome);
    }

    let yaml = render(&bank);
    // Never write what the loader would refuse: the user's next drill
    // would stop on it.
    parse_bank(&yaml, &path, Source::File(path.clone())).map_err(OwnError::Bank)?;
    if yaml.len() as u64 > MAX_FILE_BYTES {
        return Err(OwnError::Bank(BankError::one(
            Problem::new(format!(
                "adding these questions would make the bank larger than {MAX_FILE_BYTES} bytes (1 MiB), the most a bank file may hold"
            ))
            .in_file(&path)
            .fix("move some of its questions to another file in the same folder, with the same category"),
        )));
    }
    replace(&path, yaml.as_bytes())?;
    drop(lock);
    Ok(outcome)
}

/// The file's text: the header comment, then the bank as YAML.
pub fn render(bank: &Bank) -> String {
    let out = FileOut {
        category: &bank.category,
        title: &bank.title,
        description: bank.description.as_deref(),
        limit: bank.limit.map(written),
        think: bank.think.map(written),
        listen_for: points_out(&bank.listen_for),
        avoid: avoid_out(&bank.avoid),
        questions: bank
            .questions
            .iter()
            .map(|q| QuestionOut {
                id: &q.id,
                text: &q.text,
                followups: &q.followups,
                tips: &q.tips,
                limit: q.limit.map(written),
                think: q.think.map(written),
                tags: &q.tags,
                situation: q.situation.as_deref(),
                listen_for: points_out(&q.listen_for),
                skip_points: &q.skip_points,
                avoid: avoid_out(&q.avoid),
            })
            .collect(),
    };
    // Serializing plain strings and lists cannot fail; the fallback only
    // keeps this total (and the loader check would refuse it).
    let body = serde_yaml::to_string(&out).unwrap_or_default();
    format!("{HEADER}{body}")
}

fn points_out(points: &[Point]) -> Vec<PointOut<'_>> {
    points
        .iter()
        .map(|p| PointOut {
            point: &p.point,
            cues: &p.cues,
            hint: p.hint.as_deref(),
        })
        .collect()
}

fn avoid_out(avoid: &[Avoid]) -> Vec<AvoidOut<'_>> {
    avoid
        .iter()
        .map(|a| AvoidOut {
            cues: &a.cues,
            why: &a.why,
        })
        .collect()
}

/// A point as written (hand edits to the maintained bank are kept).
#[derive(Serialize)]
struct PointOut<'a> {
    point: &'a str,
    cues: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    hint: Option<&'a str>,
}

/// An avoid entry as written.
#[derive(Serialize)]
struct AvoidOut<'a> {
    cues: &'a [String],
    why: &'a str,
}

/// A bank file as written, in the loader's field names and order.
#[derive(Serialize)]
struct FileOut<'a> {
    category: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    limit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    think: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    listen_for: Vec<PointOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    avoid: Vec<AvoidOut<'a>>,
    questions: Vec<QuestionOut<'a>>,
}

#[derive(Serialize)]
struct QuestionOut<'a> {
    id: &'a str,
    text: &'a str,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    followups: &'a [String],
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    tips: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    limit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    think: Option<String>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    tags: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    situation: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    listen_for: Vec<PointOut<'a>>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    skip_points: &'a [String],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    avoid: Vec<AvoidOut<'a>>,
}

/// `text` as the bank format accepts it and a terminal shows it plainly:
/// `{…}` becomes `(…)` (so no placeholder, known or not, comes from what an
/// interviewer said), line breaks and tabs become spaces, other control
/// characters and bidi overrides are removed, runs of spaces collapse.
#[must_use]
pub fn make_safe(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let c = match c {
            '{' => '(',
            '}' => ')',
            c if c.is_whitespace() => ' ',
            c if c.is_control() || is_bidi_control(c) => continue,
            c => c,
        };
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(c);
    }
    out.trim_end().to_string()
}

/// The invisible marks that make text display in another order than stored.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}')
}

/// What two question texts must share to be the same question: their
/// letters and digits, lowercased (case, spacing and punctuation ignored).
pub fn same_key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A kebab-case id for `text`: its Latin letters and digits (at most
/// [`MAX_ID`] characters, cut between words), or for text with fewer than
/// three of them, `q-`
/// and a short hash of the text that is the same on every run. `-2`, `-3`…
/// is added when another question already has the id.
#[must_use]
pub fn unique_id(text: &str, taken: &HashSet<String>) -> String {
    // A lone digit or letter left from mostly non-Latin text says nothing.
    let base = to_kebab(text).filter(|id| id.len() >= 3).map_or_else(
        || format!("q-{:08x}", fnv1a(same_key(text).as_bytes()) as u32),
        |id| shorten(&id),
    );
    if !taken.contains(&base) {
        return base;
    }
    // `taken` is finite, so some suffix is free: the search ends.
    (2..=taken.len() + 2)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken.contains(id))
        .unwrap_or(base)
}

/// `id` cut to at most [`MAX_ID`] characters at a hyphen.
fn shorten(id: &str) -> String {
    if id.len() <= MAX_ID {
        return id.to_string();
    }
    let cut = id[..=MAX_ID]
        .rfind('-')
        .filter(|&i| i > 0)
        .unwrap_or(MAX_ID);
    id[..cut].trim_end_matches('-').to_string()
}

/// 64-bit FNV-1a: tiny, and fixed by its definition, so an id made from it
/// never changes between versions (std's hasher promises no such thing).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Creates `dir` (`0700`) if missing; an existing folder is left as it is.
fn ensure_dir(dir: &Path) -> Result<(), OwnError> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir).map_err(io_error("create", dir))
}

/// Opens (creating `0600`) a file for writing; `new` refuses an existing one.
fn open_private(path: &Path, new: bool) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true);
    if new {
        options.create_new(true);
    } else {
        options.create(true);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

/// An exclusive `flock`, held until the file is closed. A file system
/// without locks gets the best we can do unlocked, as the history does.
fn lock_exclusive(file: &File) -> io::Result<()> {
    loop {
        match file.lock() {
            Ok(()) => return Ok(()),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) if e.kind() == io::ErrorKind::Unsupported => return Ok(()),
            Err(e) => return Err(e),
        }
    }
}

/// Replaces `path` with `bytes`: a temporary file in the same folder
/// (`0600`), synced, then renamed over it, then the folder synced so the
/// rename itself survives a crash.
fn replace(path: &Path, bytes: &[u8]) -> Result<(), OwnError> {
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    // A dot name the loader skips, unique to this process (the lock keeps
    // two from overlapping; the pid keeps a leftover from a crash apart).
    let tmp = dir.join(format!(".{FILE_NAME}.{}.tmp", std::process::id()));
    let _ = std::fs::remove_file(&tmp);
    let written = (|| {
        let mut file = open_private(&tmp, true)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(error) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(OwnError::Io {
            action: "write",
            path: path.to_path_buf(),
            error,
        });
    }
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin() -> Origin<'static> {
        Origin {
            company: "Acme",
            role: Some("data engineer"),
            date: "2026-11-30",
        }
    }

    fn add(dir: &Path, texts: &[&str]) -> Added {
        let texts: Vec<String> = texts.iter().map(std::string::ToString::to_string).collect();
        add_questions(dir, &texts, origin()).unwrap()
    }

    #[test]
    fn a_new_bank_is_created_valid_private_and_points_back_to_the_interview() {
        let dir = tempfile::tempdir().unwrap();
        let banks = dir.path().join("banks");
        let got = add(&banks, &["Why should we NOT hire you?", "What is 7 x 13?"]);
        assert_eq!(got.added, ["why-should-we-not-hire-you", "what-is-7-x-13"]);
        let text = std::fs::read_to_string(banks.join(FILE_NAME)).unwrap();
        assert!(
            text.starts_with("# Maintained by `hotseat reflect`"),
            "{text}"
        );
        let bank = check_file(&banks.join(FILE_NAME)).unwrap();
        assert_eq!(bank.category, CATEGORY);
        assert_eq!(bank.title, "Caught off guard");
        let q = &bank.questions[0];
        assert_eq!(q.text, "Why should we NOT hire you?");
        assert_eq!(
            q.tips[0],
            "From your interview at Acme (data engineer) on 2026-11-30: this question caught you off guard. Practise it until it no longer does."
        );
        assert_eq!(q.tips.len(), 2);
        assert_eq!(q.followups, [FOLLOWUP]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&banks.join(FILE_NAME)), 0o600);
            assert_eq!(mode(&banks), 0o700);
        }
        // Nothing but the bank is a loadable file in the folder.
        assert_eq!(
            crate::bank::bank_files(&banks).unwrap(),
            [banks.join(FILE_NAME)]
        );
    }

    #[test]
    fn the_same_question_in_other_case_spacing_or_punctuation_is_not_added_again() {
        let dir = tempfile::tempdir().unwrap();
        add(dir.path(), &["Why should we not hire you?"]);
        let before = std::fs::read(dir.path().join(FILE_NAME)).unwrap();
        let got = add(
            dir.path(),
            &[
                "why  should we, not hire you",
                "WHY SHOULD WE NOT HIRE YOU!!",
            ],
        );
        assert!(got.added.is_empty(), "{got:?}");
        assert_eq!(got.already.len(), 2);
        assert_eq!(
            std::fs::read(dir.path().join(FILE_NAME)).unwrap(),
            before,
            "an unchanged bank is not rewritten"
        );
        // Given twice in one reflection: added once.
        let got = add(dir.path(), &["Tell me a joke.", "tell me a joke"]);
        assert_eq!(got.added, ["tell-me-a-joke"]);
        assert_eq!(got.already, ["tell me a joke"]);
    }

    #[test]
    fn hostile_text_is_made_safe_and_the_bank_still_loads() {
        let dir = tempfile::tempdir().unwrap();
        let got = add_questions(
            dir.path(),
            &[
                "Why {company} and not {salary}?".into(),
                "Red \x1b[31malert\x07\u{202e} now\r\nreally?".into(),
                "你为什么离开上一份工作？".into(),
                "\x1b\x07 ?!".into(),
                "yes".into(),
                "- key: value # not a comment".into(),
            ],
            Origin {
                company: "{company}\x1b[2J Evil",
                role: None,
                date: "2026-11-30",
            },
        )
        .unwrap();
        assert_eq!(got.empty, ["\x1b\x07 ?!"]);
        let bank = check_file(&dir.path().join(FILE_NAME)).unwrap();
        let texts: Vec<&str> = bank.questions.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Why (company) and not (salary)?",
                "Red [31malert now really?",
                "你为什么离开上一份工作？",
                "yes",
                "- key: value # not a comment",
            ]
        );
        assert!(
            bank.questions[0].tips[0]
                .starts_with("From your interview at (company)[2J Evil on 2026-11-30")
        );
        let id = &bank.questions[2].id;
        assert!(id.starts_with("q-") && id.len() == 10, "{id}");
        assert_eq!(
            id,
            &unique_id("你为什么离开上一份工作？", &HashSet::new()),
            "the hash id is stable"
        );
        for q in &bank.questions {
            assert!(crate::bank::validate::is_kebab(&q.id), "{}", q.id);
        }
    }

    #[test]
    fn hand_edits_to_fields_are_kept_and_a_broken_bank_is_refused_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        std::fs::write(
            &path,
            "# my notes\ncategory: caught-off-guard\ntitle: Ouch\nlimit: 2m\nlisten_for:\n  - point: an example\n    cues: [for example]\n    hint: give one\navoid:\n  - cues: [no idea]\n    why: say what you would find out\nquestions:\n  - id: mine\n    text: My own?\n    think: 20s\n    tips: [Breathe.]\n    situation: layoff\n    listen_for:\n      - point: the lesson\n        cues: [I learned]\n    skip_points: [an example]\n    avoid:\n      - cues: [not my fault]\n        why: own it\n",
        )
        .unwrap();
        add(dir.path(), &["A new one?"]);
        let bank = check_file(&path).unwrap();
        assert_eq!(bank.title, "Ouch");
        assert_eq!(bank.limit, Some(std::time::Duration::from_secs(120)));
        assert_eq!(bank.questions[0].id, "mine");
        assert_eq!(bank.questions[0].tips, ["Breathe."]);
        assert_eq!(
            bank.questions[0].think,
            Some(std::time::Duration::from_secs(20))
        );
        assert_eq!(bank.questions[0].situation.as_deref(), Some("layoff"));
        // Points, skips and avoid entries written by hand survive the rewrite.
        assert_eq!(bank.listen_for[0].point, "an example");
        assert_eq!(bank.listen_for[0].hint.as_deref(), Some("give one"));
        assert_eq!(bank.avoid[0].cues, ["no idea"]);
        assert_eq!(bank.questions[0].listen_for[0].cues, ["I learned"]);
        assert_eq!(bank.questions[0].skip_points, ["an example"]);
        assert_eq!(bank.questions[0].avoid[0].why, "own it");
        assert_eq!(bank.questions[1].id, "a-new-one");
        assert_eq!(bank.questions[1].situation, None);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(!text.contains("# my notes"), "comments are not kept");

        std::fs::write(
            &path,
            "category: caught-off-guard\nquestions:\n  - id: x\n    txt: oops\n",
        )
        .unwrap();
        let before = std::fs::read(&path).unwrap();
        let texts = vec!["Another?".to_string()];
        let err = add_questions(dir.path(), &texts, origin()).unwrap_err();
        let OwnError::Bank(e) = err else {
            panic!("{err:?}")
        };
        assert!(e.to_string().contains(":4:"), "{e}");
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }

    #[test]
    fn ids_are_kebab_short_and_unique() {
        let mut taken = HashSet::new();
        let long =
            "Tell me about a time you had to explain a very complicated technical thing to a child";
        let id = unique_id(long, &taken);
        assert!(id.len() <= MAX_ID && !id.ends_with('-'), "{id}");
        assert!(
            long.to_lowercase().starts_with(&id.replace('-', " ")),
            "{id}"
        );
        taken.insert(id.clone());
        assert_eq!(unique_id(long, &taken), format!("{id}-2"));
        assert!(unique_id("为什么 5 年?", &taken).starts_with("q-"));
        assert_eq!(unique_id("Why?", &taken), "why");
        assert_eq!(same_key("Why, Acme?"), same_key("why acme"));
        assert_ne!(same_key("Why Acme?"), same_key("Why Globex?"));
    }

    #[test]
    fn concurrent_adds_lose_no_question() {
        let dir = tempfile::tempdir().unwrap();
        let banks = dir.path().join("banks");
        let threads: Vec<_> = (0..8)
            .map(|t| {
                let banks = banks.clone();
                std::thread::spawn(move || {
                    for i in 0..5 {
                        let texts = vec![format!("Thread {t} question {i}?")];
                        add_questions(&banks, &texts, origin()).unwrap();
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        let bank = check_file(&banks.join(FILE_NAME)).unwrap();
        assert_eq!(bank.questions.len(), 40);
    }
}
