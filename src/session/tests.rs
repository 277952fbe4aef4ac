//! The runner without a terminal or a file: the line UI with scripted
//! input, a logging UI for the order of things, and an in-memory sink.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use super::*;
use crate::drill::{AnswerRules, InputMode, Measured, Mode};
use crate::term::guard::Signals;
use crate::term::line::{LineUi, Next, Script};

fn base() -> Instant {
    static BASE: OnceLock<Instant> = OnceLock::new();
    *BASE.get_or_init(Instant::now)
}

fn lines(answers: &[&str]) -> Script {
    Script(
        answers
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let at = base() + Duration::from_millis(1_000 * (i as u64 + 1));
                Next::Line((*a).to_string(), at)
            })
            .collect(),
    )
}

fn rules(input: InputMode) -> AnswerRules {
    AnswerRules {
        input,
        limit: Duration::from_secs(90),
        think_target: Duration::from_secs(20),
        pause_threshold: Duration::from_secs(3),
        strict: false,
        skip: true,
    }
}

fn item(id: &str) -> Item {
    Item {
        category: "weaknesses".into(),
        id: id.into(),
        title: "Weaknesses".into(),
        text: format!("Question {id}?"),
        tips: vec!["A tip.".into()],
        followups: vec!["And then?".into()],
        rules: rules(InputMode::Line),
        followup: None,
        company: Some("Acme".into()),
        role: None,
        content: None,
    }
}

fn mode_rules(mode: Mode) -> ModeRules {
    ModeRules {
        mode,
        feedback: true,
        rate: false,
    }
}

fn stamp() -> Stamp {
    Stamp::parse("2026-12-01T10:00:00.000+01:00").unwrap()
}

fn run_with(
    plan: &mut dyn Plan,
    ui: &mut dyn Ui,
    sink: &mut MemorySink,
    pending: Option<i32>,
) -> Result<Report, SessionError> {
    let pending = move || pending;
    let env = Env {
        session: "s1".into(),
        now: &stamp,
        pending_signal: &pending,
    };
    run(plan, ui, sink, &env)
}

fn kinds(records: &[Record]) -> Vec<&'static str> {
    records
        .iter()
        .map(|r| match r {
            Record::Answer(_) => "answer",
            Record::Session(_) => "session",
            Record::Rating(_) => "rating",
        })
        .collect()
}

#[test]
fn every_record_carries_the_plans_mode_and_the_session_closes() {
    for mode in [Mode::Drill, Mode::Daily, Mode::Rehearse] {
        let mut plan = FixedPlan::new(mode_rules(mode), vec![item("a"), item("b")]);
        let mut ui = LineUi::new(
            lines(&["first answer", "second"]),
            Vec::new(),
            crate::term::style::Paint::new(false),
            Signals::none(),
            base,
        );
        let mut sink = MemorySink::default();
        let report = run_with(&mut plan, &mut ui, &mut sink, None).unwrap();
        assert_eq!(kinds(&sink.records), ["answer", "answer", "session"]);
        for r in &sink.records {
            match r {
                Record::Answer(a) => {
                    assert_eq!(a.mode, mode);
                    assert_eq!(a.session, "s1");
                    assert_eq!(a.think_target_ms, Some(20_000));
                    assert_eq!(a.company.as_deref(), Some("Acme"));
                }
                Record::Session(s) => {
                    assert_eq!(s.mode, mode);
                    assert_eq!((s.answered, s.skipped, s.interrupted), (2, 0, false));
                }
                Record::Rating(_) => unreachable!(),
            }
        }
        assert_eq!(report.ending, Ending::Completed);
        assert_eq!(report.exit_code(), 0);
        assert_eq!(report.answers[1].record.text, "second");
        assert_eq!(report.answers[0].question, "Question a?");
    }
}

#[test]
fn input_ending_early_keeps_finished_answers_and_marks_the_session() {
    let mut plan = FixedPlan::new(
        mode_rules(Mode::Daily),
        vec![item("a"), item("b"), item("c")],
    );
    let mut ui = LineUi::new(
        lines(&["only one"]),
        Vec::new(),
        crate::term::style::Paint::new(false),
        Signals::none(),
        base,
    );
    let mut sink = MemorySink::default();
    let report = run_with(&mut plan, &mut ui, &mut sink, None).unwrap();
    assert_eq!(kinds(&sink.records), ["answer", "session"]);
    assert!(report.closing.interrupted);
    assert_eq!(report.ending, Ending::Interrupted(Interrupt::EndOfInput));
    assert_eq!(report.exit_code(), 0);
}

#[test]
fn a_signal_while_waiting_interrupts_with_its_exit_code() {
    let signals = Signals::none();
    signals.raise(15);
    let mut plan = FixedPlan::new(mode_rules(Mode::Drill), vec![item("a")]);
    let mut ui = LineUi::new(
        Script(VecDeque::from([Next::Pending])),
        Vec::new(),
        crate::term::style::Paint::new(false),
        signals,
        base,
    );
    let mut sink = MemorySink::default();
    let report = run_with(&mut plan, &mut ui, &mut sink, Some(15)).unwrap();
    assert_eq!(kinds(&sink.records), ["session"]);
    assert!(report.closing.interrupted);
    assert_eq!(report.exit_code(), 143);
}

/// A UI that logs what it is asked to do, to check the order of things,
/// and can fail or rate on demand.
struct Logging {
    log: Rc<RefCell<Vec<String>>>,
    fail_show: bool,
    rating: RateOutcome,
}

impl Ui for Logging {
    fn ask(&mut self, prompt: &Prompt<'_>, rules: AnswerRules) -> io::Result<Outcome> {
        self.log.borrow_mut().push(format!("ask {}", prompt.text));
        Ok(Outcome::Finished(Measured {
            think_ms: 1_000,
            answer_ms: 2_000,
            limit_ms: crate::drill::millis(rules.limit),
            overran: false,
            skipped: false,
            pauses: Vec::new(),
            words: 3,
            wpm: None,
            fillers: Vec::new(),
            revisions: 0,
            hint: false,
            text: "one two three".into(),
            typing_ms: 2_000,
            pasted_words: 0,
            truncated: false,
        }))
    }

    fn show(&mut self, _lines: &[crate::text::Line]) -> io::Result<()> {
        self.log.borrow_mut().push("show".into());
        if self.fail_show {
            Err(io::Error::other("terminal gone"))
        } else {
            Ok(())
        }
    }

    fn next_gate(&mut self) -> io::Result<Option<Interrupt>> {
        self.log.borrow_mut().push("gate".into());
        Ok(None)
    }

    fn finish(&mut self) -> io::Result<()> {
        self.log.borrow_mut().push("finish".into());
        Ok(())
    }

    fn rate(&mut self) -> io::Result<RateOutcome> {
        self.log.borrow_mut().push("rate".into());
        Ok(self.rating)
    }
}

/// A sink that logs each append into the same log as the UI.
struct LoggingSink {
    log: Rc<RefCell<Vec<String>>>,
    inner: MemorySink,
}

impl Sink for LoggingSink {
    fn append(&mut self, record: &Record) -> Result<(), HistoryError> {
        self.log
            .borrow_mut()
            .push(format!("save {}", kinds(std::slice::from_ref(record))[0]));
        self.inner.append(record)
    }
}

fn logging(
    fail_show: bool,
    rating: RateOutcome,
) -> (Logging, LoggingSink, Rc<RefCell<Vec<String>>>) {
    let log = Rc::new(RefCell::new(Vec::new()));
    (
        Logging {
            log: log.clone(),
            fail_show,
            rating,
        },
        LoggingSink {
            log: log.clone(),
            inner: MemorySink::default(),
        },
        log,
    )
}

fn run_logged(
    plan: &mut dyn Plan,
    ui: &mut Logging,
    sink: &mut LoggingSink,
    pending: Option<i32>,
) -> Result<Report, SessionError> {
    let pending = move || pending;
    let env = Env {
        session: "s1".into(),
        now: &stamp,
        pending_signal: &pending,
    };
    run(plan, ui, sink, &env)
}

#[test]
fn each_answer_is_saved_before_its_feedback_and_the_session_closes_last() {
    let (mut ui, mut sink, log) = logging(false, RateOutcome::Skipped);
    let mut plan = FixedPlan::new(mode_rules(Mode::Drill), vec![item("a"), item("b")]);
    run_logged(&mut plan, &mut ui, &mut sink, None).unwrap();
    assert_eq!(
        *log.borrow(),
        [
            "ask Question a?",
            "save answer",
            "show",
            "gate",
            "ask Question b?",
            "save answer",
            "show",
            "finish",
            "save session"
        ]
    );
}

#[test]
fn without_feedback_nothing_is_shown_between_answers() {
    let (mut ui, mut sink, log) = logging(false, RateOutcome::Skipped);
    let rules = ModeRules {
        feedback: false,
        ..mode_rules(Mode::Rehearse)
    };
    let mut plan = FixedPlan::new(rules, vec![item("a"), item("b")]);
    run_logged(&mut plan, &mut ui, &mut sink, None).unwrap();
    assert!(
        !log.borrow().iter().any(|l| l == "show"),
        "{:?}",
        log.borrow()
    );
}

#[test]
fn a_failed_save_stops_before_any_feedback() {
    let (mut ui, mut sink, log) = logging(false, RateOutcome::Skipped);
    sink.inner.fail_from = Some(0);
    let mut plan = FixedPlan::new(mode_rules(Mode::Drill), vec![item("a"), item("b")]);
    let err = run_logged(&mut plan, &mut ui, &mut sink, None).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("your answer could not be saved"),
        "{err}"
    );
    assert!(
        !log.borrow().iter().any(|l| l == "show"),
        "{:?}",
        log.borrow()
    );
}

#[test]
fn a_terminal_failure_is_an_error_unless_a_signal_explains_it() {
    let (mut ui, mut sink, _) = logging(true, RateOutcome::Skipped);
    let mut plan = FixedPlan::new(mode_rules(Mode::Drill), vec![item("a"), item("b")]);
    let err = run_logged(&mut plan, &mut ui, &mut sink, None).unwrap_err();
    assert!(matches!(err, SessionError::Terminal(_)), "{err}");
    // The finished answer and an interrupted closing record are saved.
    assert_eq!(kinds(&sink.inner.records), ["answer", "session"]);

    let (mut ui, mut sink, _) = logging(true, RateOutcome::Skipped);
    let mut plan = FixedPlan::new(mode_rules(Mode::Drill), vec![item("a"), item("b")]);
    let report = run_logged(&mut plan, &mut ui, &mut sink, Some(1)).unwrap();
    assert_eq!(report.ending, Ending::Interrupted(Interrupt::Signal(1)));
    assert_eq!(report.exit_code(), 129);
    assert_eq!(report.answers.len(), 1);
    let Some(Record::Session(s)) = sink.inner.records.last() else {
        panic!("{:?}", sink.inner.records);
    };
    assert!(s.interrupted);
}

#[test]
fn a_rating_is_its_own_record_after_the_saved_answer() {
    let (mut ui, mut sink, log) = logging(false, RateOutcome::Rated(2));
    let rules = ModeRules {
        rate: true,
        ..mode_rules(Mode::Daily)
    };
    let mut plan = FixedPlan::new(rules, vec![item("a")]);
    let report = run_logged(&mut plan, &mut ui, &mut sink, None).unwrap();
    assert_eq!(
        *log.borrow(),
        [
            "ask Question a?",
            "save answer",
            "show",
            "rate",
            "save rating",
            "finish",
            "save session"
        ]
    );
    let records = &sink.inner.records;
    let (Record::Answer(a), Record::Rating(r)) = (&records[0], &records[1]) else {
        panic!("{records:?}");
    };
    // The stored answer is never rewritten; the rating points at it.
    assert_eq!(a.rating, None);
    assert_eq!((r.rating, &r.question, r.answer_at), (2, &a.question, a.at));
    assert_eq!(report.answers[0].record.rating, Some(2));
}

/// A plan that adds a follow-up after each answer while it may.
struct Growing {
    left: Vec<Item>,
    followups: u32,
}

impl Plan for Growing {
    fn rules(&self) -> ModeRules {
        ModeRules {
            feedback: false,
            ..mode_rules(Mode::Rehearse)
        }
    }

    fn next(&mut self, so_far: &[Answered]) -> Option<Item> {
        if let Some(last) = so_far.last()
            && last.record.followup.is_none()
            && self.followups > 0
        {
            self.followups -= 1;
            let mut f = item(last.record.question.split('/').nth(1).unwrap_or("x"));
            f.text = "And then?".into();
            f.followup = Some(1);
            return Some(f);
        }
        self.left.pop()
    }

    fn total(&self, so_far: &[Answered]) -> usize {
        so_far.len() + self.left.len() + 1
    }
}

#[test]
fn a_plan_can_add_items_as_it_goes() {
    let (mut ui, mut sink, log) = logging(false, RateOutcome::Skipped);
    let mut plan = Growing {
        left: vec![item("b"), item("a")],
        followups: 1,
    };
    let report = run_logged(&mut plan, &mut ui, &mut sink, None).unwrap();
    let asked: Vec<String> = log
        .borrow()
        .iter()
        .filter(|l| l.starts_with("ask"))
        .cloned()
        .collect();
    assert_eq!(
        asked,
        ["ask Question a?", "ask And then?", "ask Question b?"]
    );
    assert_eq!(report.answers[1].record.followup, Some(1));
    assert_eq!(report.answers[1].record.question, "weaknesses/a");
}

/// A UI whose recorder dies during the first answer.
struct DyingRecorder {
    log: Rc<RefCell<Vec<String>>>,
}

impl Ui for DyingRecorder {
    fn ask(&mut self, _prompt: &Prompt<'_>, rules: AnswerRules) -> io::Result<Outcome> {
        self.log.borrow_mut().push("ask".into());
        let mut a = crate::drill::Answer::new(rules);
        a.feed(Duration::from_millis(1_200), crate::drill::Event::Speech);
        a.feed(Duration::from_secs(5), crate::drill::Event::Submit);
        Ok(Outcome::FinishedThenEnd(
            a.measured().unwrap(),
            Interrupt::RecorderFailed,
        ))
    }
    fn show(&mut self, _lines: &[crate::text::Line]) -> io::Result<()> {
        self.log.borrow_mut().push("show".into());
        Ok(())
    }
    fn next_gate(&mut self) -> io::Result<Option<Interrupt>> {
        self.log.borrow_mut().push("gate".into());
        Ok(None)
    }
    fn finish(&mut self) -> io::Result<()> {
        self.log.borrow_mut().push("finish".into());
        Ok(())
    }
    fn rate(&mut self) -> io::Result<RateOutcome> {
        self.log.borrow_mut().push("rate".into());
        Ok(RateOutcome::Skipped)
    }
    fn take_audio(&mut self) -> Option<String> {
        Some("/home/audio/1.wav".into())
    }
}

#[test]
fn a_recorder_that_died_keeps_its_answer_then_ends_the_session_with_exit_1() {
    let log = Rc::new(RefCell::new(Vec::new()));
    let mut ui = DyingRecorder { log: log.clone() };
    let mut voice = item("a");
    voice.rules = rules(InputMode::Voice);
    let mut plan = FixedPlan::new(
        ModeRules {
            rate: true,
            ..mode_rules(Mode::Drill)
        },
        vec![voice.clone(), voice],
    );
    let mut sink = MemorySink::default();
    let report = run_with(&mut plan, &mut ui, &mut sink, None).unwrap();
    assert_eq!(kinds(&sink.records), ["answer", "session"]);
    let Record::Answer(a) = &sink.records[0] else {
        panic!("an answer first");
    };
    assert_eq!((a.think_ms, a.answer_ms), (1_200, 3_800));
    assert_eq!((a.words, a.fillers), (None, None));
    assert_eq!(a.audio.as_deref(), Some("/home/audio/1.wav"));
    // Its feedback is shown; no rating, no gate, no second question.
    assert_eq!(*log.borrow(), ["ask", "show", "finish"]);
    assert_eq!(
        report.ending,
        Ending::Interrupted(Interrupt::RecorderFailed)
    );
    assert_eq!(report.exit_code(), 1);
    assert!(report.closing.interrupted);
}

#[test]
fn answers_are_read_for_content_once_when_the_item_asks_and_never_for_a_skip() {
    let mut read = item("a");
    read.content = Some(ContentSpec::default());
    let mut skipped = item("b");
    skipped.content = Some(ContentSpec::default());
    skipped.rules.skip = true;
    let unread = item("c");
    for mode in [Mode::Drill, Mode::Rehearse] {
        let mut plan = FixedPlan::new(
            ModeRules {
                feedback: mode != Mode::Rehearse,
                ..mode_rules(mode)
            },
            vec![read.clone(), unread.clone()],
        );
        let mut ui = LineUi::new(
            lines(&["three words here", "another answer"]),
            Vec::new(),
            crate::term::style::Paint::new(false),
            Signals::none(),
            base,
        );
        let mut sink = MemorySink::default();
        let report = run_with(&mut plan, &mut ui, &mut sink, None).unwrap();
        // A rehearsal shows nothing between questions, but its report
        // still gets what each answer said.
        let f = report.answers[0].content.as_ref().expect("read");
        assert_eq!(f.words, 3);
        assert!(report.answers[1].content.is_none(), "--no-content item");
    }
    let mut skip_record = crate::drill::AnswerRecord {
        text: "half an answer".into(),
        skipped: true,
        ..Default::default()
    };
    assert!(read_content(&skip_record, &skipped).is_none());
    skip_record.skipped = false;
    assert!(read_content(&skip_record, &skipped).is_some());
    skip_record.text = String::new();
    assert!(read_content(&skip_record, &skipped).is_none(), "no text");
}
