//! A real pseudo-terminal around the `hotseat` binary: a reader thread feeds
//! everything the program writes into a `vt100` screen, so a test can wait
//! (with a deadline) for text to appear, send keys with exact gaps between
//! them, signal the process and collect its exit status.
//!
//! The terminal is 80x24 (the size `ptyprocess` gives the slave before the
//! program starts, so the program never sees a resize), or any size set with
//! [`Spawn::size`], with `TERM=xterm-256color`. The reader answers the two queries a terminal
//! library may send while starting — cursor position (`CSI 6 n`) and primary
//! device attributes (`CSI c`) — the way xterm does, so nothing stalls
//! waiting for a real terminal.

use std::ffi::OsString;
use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use expectrl::process::Process;
use serde_json::Value;

use super::{Home, QUESTIONS, Question, drill_args};
use expectrl::process::unix::{UnixProcess, WaitStatus};

/// Rows of the pseudo-terminal.
pub const ROWS: u16 = 24;
/// Columns of the pseudo-terminal.
pub const COLS: u16 = 80;
/// How long a test waits for something to appear by default: generous for a
/// loaded 2-core machine, short enough that a hang fails the test quickly.
pub const DEADLINE: Duration = Duration::from_secs(10);

/// Enter as a terminal in raw mode sends it.
pub const ENTER: &str = "\r";
/// Escape.
pub const ESC: &str = "\x1b";
/// Tab.
pub const TAB: &str = "\t";
/// Backspace (DEL, what xterm sends).
pub const BACKSPACE: &str = "\x7f";
/// Ctrl-C.
pub const CTRL_C: &str = "\x03";
/// Ctrl-W.
pub const CTRL_W: &str = "\x17";

/// What the countdown says from its first frame, drawn only once the
/// question's clock has started: keys sent before it may be discarded as
/// typed-ahead, so a test waits for it before it types.
pub const COUNTDOWN_STARTED: &str = "thinking ";
/// The gate between questions.
pub const NEXT_PROMPT: &str = "Press Enter for the next question";
/// Gap between typed characters in the drill tests: fast typing, far
/// below the pause threshold.
pub const KEY_GAP: Duration = Duration::from_millis(40);

/// How a finished child ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Exited with this code.
    Code(i32),
    /// Killed by this signal number.
    Signal(i32),
}

/// Keeps the text of rows that scroll off the top, and collects the answers
/// to terminal queries for the reader thread to send.
#[derive(Default)]
struct Callbacks {
    scrolled: String,
    replies: Vec<u8>,
}

impl vt100::Callbacks for Callbacks {
    fn unhandled_csi(
        &mut self,
        screen: &mut vt100::Screen,
        i1: Option<u8>,
        _i2: Option<u8>,
        params: &[&[u16]],
        c: char,
    ) {
        let first = params.first().and_then(|p| p.first()).copied();
        match (i1, c, first) {
            (None, 'n', Some(6)) => {
                let (row, col) = screen.cursor_position();
                self.replies
                    .extend_from_slice(format!("\x1b[{};{}R", row + 1, col + 1).as_bytes());
            }
            (None, 'n', Some(5)) => self.replies.extend_from_slice(b"\x1b[0n"),
            (None, 'c', None | Some(0)) => self.replies.extend_from_slice(b"\x1b[?1;2c"),
            _ => {}
        }
    }

    fn on_scroll(&mut self, contents: vt100::capture::RowContents<'_>, _alternate: bool) {
        let mut formatted = String::new();
        let mut state = vt100::capture::BasicFormattedCaptureState::new();
        if contents
            .write_formatted_basic(&mut formatted, &mut state)
            .is_ok()
        {
            self.scrolled
                .extend(vt100::capture::basic_formatted_to_plain(&formatted));
            self.scrolled.push('\n');
        }
    }
}

struct State {
    parser: vt100::Parser<Callbacks>,
    raw: Vec<u8>,
    eof: bool,
    /// When each chunk of output arrived, with the total length so far.
    arrivals: Vec<(Instant, usize)>,
}

type Shared = Arc<(Mutex<State>, Condvar)>;

/// Builds a command to run in the pseudo-terminal.
#[derive(Debug, Clone)]
pub struct Spawn {
    program: PathBuf,
    args: Vec<OsString>,
    env: Vec<(OsString, OsString)>,
    stty_capture: Option<PathBuf>,
    size: Option<(u16, u16)>,
    leftovers: bool,
}

/// What the shell around the program prints, before the bytes it found
/// left in the terminal's input queue (see [`Spawn::read_leftovers`]).
pub const LEFTOVER_MARK: &str = "LEFTOVER<";

impl Spawn {
    /// `hotseat` with these arguments.
    pub fn hotseat(args: Vec<OsString>) -> Self {
        Self {
            program: super::bin(),
            args,
            env: Vec::new(),
            stty_capture: None,
            size: None,
            leftovers: false,
        }
    }

    /// `hotseat --home HOME ARGS…`.
    pub fn in_home(home: &Path, args: &[&str]) -> Self {
        let mut all: Vec<OsString> = vec!["--home".into(), home.into()];
        all.extend(args.iter().map(OsString::from));
        Self::hotseat(all)
    }

    /// Any other program with these arguments (for baselines).
    pub fn program(program: &str, args: &[&str]) -> Self {
        Self {
            program: PathBuf::from(program),
            args: args.iter().map(OsString::from).collect(),
            env: Vec::new(),
            stty_capture: None,
            size: None,
            leftovers: false,
        }
    }

    /// Sets an extra environment variable.
    pub fn env(mut self, key: &str, value: &str) -> Self {
        self.env.push((key.into(), value.into()));
        self
    }

    /// Runs the program through `sh`, which saves `stty -g` into
    /// `dir/before` and `dir/after` around it, so a test can tell whether the
    /// terminal modes were restored. The shell forwards the program's exit
    /// code; [`Pty::program_pid`] finds the program's own pid.
    pub fn capture_stty(mut self, dir: &Path) -> Self {
        self.stty_capture = Some(dir.to_path_buf());
        self
    }

    /// Runs the program in a terminal of `rows` x `cols` (set with `stty`
    /// by a shell before the program starts, so it never sees a resize).
    pub fn size(mut self, rows: u16, cols: u16) -> Self {
        self.size = Some((rows, cols));
        self
    }

    /// After the program ends, the shell around it reads what is left in
    /// the terminal's input queue — what a shell prompt would have run —
    /// for a second, and prints it (as `od -c` shows bytes) between
    /// [`LEFTOVER_MARK`] and `>`; [`Pty::leftovers`] returns it.
    pub fn read_leftovers(mut self) -> Self {
        self.leftovers = true;
        self
    }

    fn wrapped(&self) -> bool {
        self.stty_capture.is_some() || self.size.is_some() || self.leftovers
    }

    /// Starts it.
    pub fn start(self) -> Pty {
        let mut cmd = if self.wrapped() {
            let mut script = String::new();
            if let Some((rows, cols)) = self.size {
                // The size is set from this side once the child runs (the
                // pty library sets its own default just after the fork, so a
                // `stty` in the child could be undone): wait until it shows.
                script.push_str(&format!(
                    "i=0; while [ \"$(stty size)\" != \"{rows} {cols}\" ] && [ $i -lt 500 ]; \
                     do sleep 0.01; i=$((i+1)); done; "
                ));
            }
            let capture = self.stty_capture.is_some();
            if capture {
                script.push_str("stty -g > before; ");
            }
            script.push_str("\"$0\" \"$@\"; rc=$?; ");
            if capture {
                script.push_str("stty -g > after; ");
            }
            if self.leftovers {
                // Non-canonical with a 1 s read timeout: whatever is queued
                // (a whole line or not) is read, then the read times out.
                script.push_str(&format!(
                    "stty -icanon -echo min 0 time 10; \
                     left=$(od -An -c | tr -d ' \\n'); stty icanon echo; \
                     printf '{LEFTOVER_MARK}%s>\\n' \"$left\"; "
                ));
            }
            script.push_str("exit $rc");
            let mut cmd = std::process::Command::new("sh");
            if let Some(dir) = &self.stty_capture {
                cmd.current_dir(dir);
            }
            cmd.arg("-c")
                .arg(script)
                .arg(&self.program)
                .args(&self.args);
            cmd
        } else {
            let mut cmd = std::process::Command::new(&self.program);
            cmd.args(&self.args);
            cmd
        };
        cmd.env_remove("HOTSEAT_HOME")
            .env_remove("NO_COLOR")
            .env("TERM", "xterm-256color")
            .env("LANG", "C.UTF-8")
            .env("LC_ALL", "C.UTF-8");
        for (k, v) in &self.env {
            cmd.env(k, v);
        }
        let started = Instant::now();
        let mut proc = UnixProcess::spawn_command(cmd).expect("spawn in a pty");
        if let Some((rows, cols)) = self.size {
            proc.set_window_size(cols, rows)
                .expect("set the window size");
        }
        let reader = proc.get_raw_handle().expect("pty master handle");
        let writer = proc.get_raw_handle().expect("pty master handle");
        let replier = proc.get_raw_handle().expect("pty master handle");
        let (rows, cols) = self.size.unwrap_or((ROWS, COLS));
        let rows = std::num::NonZeroU16::new(rows).expect("rows");
        let cols = std::num::NonZeroU16::new(cols).expect("cols");
        let shared: Shared = Arc::new((
            Mutex::new(State {
                parser: vt100::Parser::new_with_callbacks(rows, cols, 0, Callbacks::default()),
                raw: Vec::new(),
                eof: false,
                arrivals: Vec::new(),
            }),
            Condvar::new(),
        ));
        let for_thread = Arc::clone(&shared);
        std::thread::spawn(move || read_loop(reader, replier, &for_thread));
        let pid = proc.pid().as_raw();
        Pty {
            proc,
            writer,
            shared,
            started,
            pid,
            wrapped: self.wrapped(),
            cols: cols.get(),
            exit: None,
        }
    }
}

fn read_loop(mut reader: File, mut replier: File, shared: &Shared) {
    let mut buf = [0u8; 8192];
    loop {
        // EIO is how Linux reports that the slave side closed: end of output.
        let n = reader.read(&mut buf).unwrap_or(0);
        let now = Instant::now();
        let (lock, cvar) = &**shared;
        let mut state = lock
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if n == 0 {
            state.eof = true;
            cvar.notify_all();
            return;
        }
        state.parser.process(&buf[..n]);
        state.raw.extend_from_slice(&buf[..n]);
        let total = state.raw.len();
        state.arrivals.push((now, total));
        let replies = std::mem::take(&mut state.parser.callbacks_mut().replies);
        drop(state);
        cvar.notify_all();
        if !replies.is_empty() {
            let _ = replier.write_all(&replies);
        }
    }
}

/// A program running in a pseudo-terminal.
pub struct Pty {
    proc: UnixProcess,
    writer: File,
    shared: Shared,
    started: Instant,
    pid: i32,
    wrapped: bool,
    cols: u16,
    exit: Option<Exit>,
}

/// Collapses every run of whitespace to one space, so that text wrapped over
/// rows, or padded by the screen, still matches.
pub fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Pty {
    fn state(&self) -> MutexGuard<'_, State> {
        self.shared
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// When the program was started (just before the fork).
    pub fn started(&self) -> Instant {
        self.started
    }

    /// The pid of the process in the terminal (the shell when capturing
    /// `stty`).
    pub fn pid(&self) -> i32 {
        self.pid
    }

    /// The pid of `hotseat` itself: the direct child, or the shell's child
    /// when wrapped. Waits up to the deadline for the shell to start it.
    pub fn program_pid(&self) -> i32 {
        if !self.wrapped {
            return self.pid;
        }
        let deadline = Instant::now() + DEADLINE;
        loop {
            if let Some(pid) = child_of(self.pid) {
                return pid;
            }
            assert!(Instant::now() < deadline, "the shell never started hotseat");
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// The visible screen as text, one line per row.
    pub fn screen(&self) -> String {
        self.state().parser.screen().contents()
    }

    /// The visible rows, each exactly as the terminal shows it (a row the
    /// terminal wrapped into the next one is still its own row here).
    pub fn rows(&self) -> Vec<String> {
        self.state().parser.screen().rows(0, self.cols).collect()
    }

    /// Everything shown so far: rows scrolled off the top, then the screen.
    pub fn transcript(&self) -> String {
        let state = self.state();
        format!(
            "{}{}",
            state.parser.callbacks().scrolled,
            state.parser.screen().contents()
        )
    }

    /// Every byte the program wrote.
    pub fn raw(&self) -> Vec<u8> {
        self.state().raw.clone()
    }

    /// Whether the terminal is in bracketed-paste mode right now.
    pub fn bracketed_paste(&self) -> bool {
        self.state().parser.screen().bracketed_paste()
    }

    /// Whether the cursor is hidden right now.
    pub fn cursor_hidden(&self) -> bool {
        self.state().parser.screen().hide_cursor()
    }

    /// Waits until `check` holds for the screen state (modes, cursor, …),
    /// or the deadline; returns when it held, or `None` on timeout or end of
    /// output.
    pub fn wait_state<F>(&self, timeout: Duration, mut check: F) -> Option<Instant>
    where
        F: FnMut(&vt100::Screen) -> bool,
    {
        let deadline = Instant::now() + timeout;
        let (lock, cvar) = &*self.shared;
        let mut state = lock
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        loop {
            if check(state.parser.screen()) {
                return Some(Instant::now());
            }
            let now = Instant::now();
            if state.eof || now >= deadline {
                return None;
            }
            state = cvar
                .wait_timeout(state, deadline - now)
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .0;
        }
    }

    /// Waits until `check` holds for the visible text (whitespace
    /// normalized), or the deadline; returns when it held.
    pub fn wait_screen<F>(&self, timeout: Duration, mut check: F) -> Option<Instant>
    where
        F: FnMut(&str) -> bool,
    {
        self.wait_state(timeout, |screen| check(&normalize(&screen.contents())))
    }

    /// Waits until the visible screen contains `text` (whitespace-insensitive)
    /// and returns the moment it did; panics with the screen after `timeout`.
    #[track_caller]
    pub fn expect_within(&self, text: &str, timeout: Duration) -> Instant {
        let needle = normalize(text);
        match self.wait_screen(timeout, |screen| screen.contains(&needle)) {
            Some(at) => at,
            None => panic!(
                "{text:?} did not appear within {timeout:?}; screen:\n{}\n--- transcript:\n{}",
                self.screen(),
                self.transcript()
            ),
        }
    }

    /// [`Self::expect_within`] with the default deadline.
    #[track_caller]
    pub fn expect(&self, text: &str) -> Instant {
        self.expect_within(text, DEADLINE)
    }

    /// Waits until one of `texts` is on screen; returns its index.
    #[track_caller]
    pub fn expect_any(&self, texts: &[&str]) -> usize {
        let needles: Vec<String> = texts.iter().map(|t| normalize(t)).collect();
        let mut found = None;
        let ok = self.wait_screen(DEADLINE, |screen| {
            found = needles.iter().position(|n| screen.contains(n.as_str()));
            found.is_some()
        });
        match (ok, found) {
            (Some(_), Some(i)) => i,
            _ => panic!(
                "none of {texts:?} appeared; screen:\n{}\n--- transcript:\n{}",
                self.screen(),
                self.transcript()
            ),
        }
    }

    /// Whether `text` was ever shown (scrolled-off rows included).
    pub fn seen(&self, text: &str) -> bool {
        normalize(&self.transcript()).contains(&normalize(text))
    }

    /// Writes `keys` to the terminal at once.
    pub fn send(&mut self, keys: &str) {
        self.send_bytes(keys.as_bytes());
    }

    /// Writes raw bytes to the terminal at once.
    pub fn send_bytes(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("write to pty");
        self.writer.flush().expect("flush pty");
    }

    /// Types `text` one character per write, sleeping `gap` after each
    /// character but the last. Returns when the last character was written.
    pub fn type_text(&mut self, text: &str, gap: Duration) -> Instant {
        let mut chars = text.chars().peekable();
        let mut buf = [0u8; 4];
        while let Some(c) = chars.next() {
            self.send_bytes(c.encode_utf8(&mut buf).as_bytes());
            if chars.peek().is_some() {
                std::thread::sleep(gap);
            }
        }
        Instant::now()
    }

    /// Sends a signal (by number) to `pid` with kill(1).
    pub fn kill(pid: i32, signal: &str) {
        let status = std::process::Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(pid.to_string())
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -{signal} {pid} failed");
    }

    /// The exit of the process, if it has ended (does not block).
    pub fn try_exit(&mut self) -> Option<Exit> {
        if self.exit.is_none() {
            self.exit = match self.proc.status() {
                Ok(WaitStatus::Exited(_, code)) => Some(Exit::Code(code)),
                Ok(WaitStatus::Signaled(_, sig, _)) => Some(Exit::Signal(sig as i32)),
                _ => None,
            };
        }
        self.exit
    }

    /// Waits for the process to end; panics with the screen after `timeout`.
    #[track_caller]
    pub fn wait_exit_within(&mut self, timeout: Duration) -> Exit {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(exit) = self.try_exit() {
                return exit;
            }
            assert!(
                Instant::now() < deadline,
                "the program did not exit within {timeout:?}; screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// [`Self::wait_exit_within`] with the default deadline.
    #[track_caller]
    pub fn wait_exit(&mut self) -> Exit {
        self.wait_exit_within(DEADLINE)
    }

    /// Waits until the reader has seen the end of output (all slave ends
    /// closed), so the screen is final.
    pub fn wait_eof(&self, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        let (lock, cvar) = &*self.shared;
        let mut state = lock
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        while !state.eof {
            let now = Instant::now();
            if now >= deadline {
                return false;
            }
            state = cvar
                .wait_timeout(state, deadline - now)
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .0;
        }
        true
    }

    /// What the shell found left in the terminal's input queue after the
    /// program ended ([`Spawn::read_leftovers`]), as `od -c` spells it with
    /// the spaces removed (`\r` for a carriage return); empty when nothing
    /// was left. Waits for the end of output.
    #[track_caller]
    pub fn leftovers(&self) -> String {
        assert!(
            self.wait_eof(DEADLINE),
            "the shell around the program did not finish; screen:\n{}",
            self.screen()
        );
        let raw = String::from_utf8_lossy(&self.raw()).into_owned();
        let Some(at) = raw.rfind(LEFTOVER_MARK) else {
            panic!(
                "no {LEFTOVER_MARK}…> line; transcript:\n{}",
                self.transcript()
            );
        };
        let rest = &raw[at + LEFTOVER_MARK.len()..];
        let end = rest
            .rfind(">\r\n")
            .or_else(|| rest.rfind('>'))
            .unwrap_or(rest.len());
        rest[..end].to_string()
    }

    /// Waits for one of `candidates` (fixture questions) to be on screen
    /// with its countdown running; returns it and when the test saw it.
    #[track_caller]
    pub fn wait_question_among(&self, candidates: &[Question]) -> (Question, Instant) {
        let mut found = None;
        let seen = self.wait_screen(DEADLINE, |screen| {
            found = candidates
                .iter()
                .find(|q| screen.contains(&normalize(q.text)));
            found.is_some() && screen.contains(COUNTDOWN_STARTED)
        });
        match (seen, found) {
            (Some(at), Some(q)) => (*q, at),
            _ => panic!(
                "no question with a running countdown; screen:\n{}",
                self.screen()
            ),
        }
    }

    /// Waits for the first fixture question, fully drawn.
    #[track_caller]
    pub fn wait_question(&self) -> (Question, Instant) {
        self.wait_question_among(&QUESTIONS)
    }

    /// Waits for a fixture question other than `previous`, fully drawn.
    #[track_caller]
    pub fn wait_next_question(&self, previous: Question) -> Question {
        let others: Vec<Question> = QUESTIONS
            .iter()
            .copied()
            .filter(|q| *q != previous)
            .collect();
        self.wait_question_among(&others).0
    }

    /// Waits for the gate after an answer, then presses Enter to go on.
    ///
    /// The gate discards keys typed before it is ready, and it does so just
    /// after printing its prompt, so an Enter sent the instant the prompt
    /// shows can be discarded. A person cannot be that quick; the test
    /// waits a moment so as not to be either.
    #[track_caller]
    pub fn pass_gate(&mut self) {
        self.expect(NEXT_PROMPT);
        std::thread::sleep(Duration::from_millis(150));
        self.send(ENTER);
    }

    /// The terminal the program leaves behind is usable: modes as before
    /// (the program was started with [`Spawn::capture_stty`] on
    /// `scratch`), cursor visible, no paste mode left on.
    #[track_caller]
    pub fn assert_terminal_restored(&self, scratch: &Path) {
        assert!(
            self.wait_eof(DEADLINE),
            "the shell around the program should finish"
        );
        let (before, after) = stty_before_after(scratch);
        assert!(!before.trim().is_empty(), "stty -g gave nothing");
        assert_eq!(
            before, after,
            "terminal modes not restored (stty -g before/after)"
        );
        assert!(!self.cursor_hidden(), "cursor left hidden");
        assert!(!self.bracketed_paste(), "bracketed paste left on");
    }

    /// Columns of the terminal.
    pub fn cols(&self) -> u16 {
        self.cols
    }

    /// Resizes the window, as dragging its corner would: the kernel tells
    /// the program (SIGWINCH), and the screen model takes the new size.
    #[allow(dead_code)]
    pub fn resize(&mut self, rows: u16, cols: u16) {
        let (r, c) = (
            std::num::NonZeroU16::new(rows).expect("rows"),
            std::num::NonZeroU16::new(cols).expect("cols"),
        );
        {
            let (lock, _) = &*self.shared;
            let mut state = lock
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            state.parser.set_size(r, c);
        }
        self.proc
            .set_window_size(cols, rows)
            .expect("set the window size");
        self.cols = cols;
    }

    /// When the output first reached `len` bytes.
    pub fn arrival_of(&self, len: usize) -> Option<Instant> {
        self.state()
            .arrivals
            .iter()
            .find(|(_, total)| *total >= len)
            .map(|(at, _)| *at)
    }
}

/// The `stty -g` a [`Spawn::capture_stty`] run saved in `dir` before and
/// after the program.
#[track_caller]
pub fn stty_before_after(dir: &Path) -> (String, String) {
    let read = |name: &str| {
        std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("stty {name}: {e}"))
    };
    (read("before"), read("after"))
}

/// A fixture drill of three questions on a terminal: answers the first,
/// passes the gate, types half of the second and ends it with `interrupt`
/// (given the pty and hotseat's own pid). Then checks hotseat exited with
/// `expected`, the terminal is as it was, the finished answer is kept and
/// the session is closed as interrupted by the last line.
#[track_caller]
pub fn interrupt_second_answer(interrupt: impl FnOnce(&mut Pty, i32), expected: Exit) {
    let home = Home::new();
    let mut pty = Spawn::hotseat(drill_args(home.path(), &["--count", "3"]))
        .capture_stty(home.scratch())
        .start();
    let (first, _) = pty.wait_question();
    let hotseat = pty.program_pid();
    pty.type_text("first answer", KEY_GAP);
    pty.send(ENTER);
    pty.expect(first.followup);
    pty.pass_gate();
    pty.wait_next_question(first);
    pty.type_text("half an ans", KEY_GAP);
    interrupt(&mut pty, hotseat);

    // The shell forwards hotseat's exit code: 128 + signal, by the
    // convention the drill documents, which also shows that the signal was
    // handled rather than fatal.
    assert_eq!(pty.wait_exit(), expected);
    pty.assert_terminal_restored(home.scratch());

    let answers = home.answers();
    assert_eq!(answers.len(), 1, "only the finished answer: {answers:#?}");
    assert_eq!(answers[0]["text"], "first answer");
    assert_eq!(answers[0]["question"], first.key());
    let session: Value = home.only_session(&answers);
    assert_eq!(session["interrupted"], true);
    assert_eq!(session["answered"], 1);
}

/// The first child process of `parent`, from `/proc`.
pub fn child_of(parent: i32) -> Option<i32> {
    let children =
        std::fs::read_to_string(format!("/proc/{parent}/task/{parent}/children")).ok()?;
    if let Some(pid) = children.split_whitespace().next() {
        return pid.parse().ok();
    }
    // Kernels without CONFIG_PROC_CHILDREN: scan every process's parent.
    for entry in std::fs::read_dir("/proc").ok()?.flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<i32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
            continue;
        };
        // Fields after the parenthesised command name: state, ppid, …
        let after = stat.rsplit_once(')').map(|(_, rest)| rest)?;
        let ppid = after.split_whitespace().nth(1)?.parse::<i32>().ok()?;
        if ppid == parent {
            return Some(pid);
        }
    }
    None
}

/// The pids of every live process whose parent is `parent`, from `/proc`.
pub fn children_of(parent: i32) -> Vec<i32> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|e| e.file_name().to_string_lossy().parse::<i32>().ok())
        .filter(|&pid| stat_fields(pid).is_some_and(|f| f.get(1) == Some(&parent.to_string())))
        .collect()
}

/// The first descendant of `root` (itself included) whose command name is
/// `name`.
pub fn find_descendant(root: i32, name: &str) -> Option<i32> {
    let mut queue = vec![root];
    while let Some(pid) = queue.pop() {
        let comm = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
        if comm.trim_end() == name {
            return Some(pid);
        }
        queue.extend(children_of(pid));
    }
    None
}

/// Whether `pid` is a live process (not gone, not a zombie).
pub fn is_running(pid: i32) -> bool {
    stat_fields(pid).is_some_and(|f| f.first().is_some_and(|state| state != "Z" && state != "X"))
}

/// The fields of `/proc/<pid>/stat` after the command name: state, ppid, …
fn stat_fields(pid: i32) -> Option<Vec<String>> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after = stat.rsplit_once(')')?.1;
    Some(after.split_whitespace().map(str::to_string).collect())
}

/// CPU time (user + system) a process has used so far, in milliseconds,
/// from `/proc/<pid>/stat` (clock-tick resolution, usually 10 ms).
pub fn cpu_ms_stat(pid: i32) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = after.split_whitespace().collect();
    // stat field 14 (utime) and 15 (stime) are indexes 11 and 12 after ')'.
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) * 1000.0 / clock_ticks_per_second())
}

/// CPU time a process's live threads have spent running, in milliseconds,
/// from `/proc/<pid>/task/*/schedstat` (nanosecond resolution).
pub fn cpu_ms_sched(pid: i32) -> Option<f64> {
    let mut total_ns: u64 = 0;
    for task in std::fs::read_dir(format!("/proc/{pid}/task"))
        .ok()?
        .flatten()
    {
        let Ok(text) = std::fs::read_to_string(task.path().join("schedstat")) else {
            continue;
        };
        total_ns += text.split_whitespace().next()?.parse::<u64>().ok()?;
    }
    Some(total_ns as f64 / 1e6)
}

fn clock_ticks_per_second() -> f64 {
    std::process::Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(100.0)
}

impl Drop for Pty {
    fn drop(&mut self) {
        // A test that failed midway leaves the program running: end it (and
        // a wrapped program's shell) so no process outlives the test.
        if self.exit.is_none() && self.try_exit().is_none() {
            if self.wrapped
                && let Some(child) = child_of(self.pid)
            {
                let _ = std::process::Command::new("kill")
                    .arg("-KILL")
                    .arg(child.to_string())
                    .status();
            }
            let _ = self.proc.kill(expectrl::process::unix::Signal::SIGKILL);
            let _ = self.proc.wait();
        }
    }
}
