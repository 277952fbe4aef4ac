//! Raw-mode key input: turns crossterm events into the engine's
//! [`Event`]s, each stamped with a monotonic [`Instant`] taken the moment
//! it is read. Knows nothing of timing rules: it stamps and forwards.

use std::io::{self, IsTerminal};
use std::time::{Duration, Instant};

use crossterm::event::{self as ct, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::drill::{Event, InputMode};

/// What a terminal event means to a running question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Something for the engine.
    Engine(Event),
    /// Ctrl-C (or Ctrl-\\): end the session, keeping finished answers.
    EndSession,
    /// The window changed size: redraw.
    Resize,
    /// The terminal went away (window closed, ssh dropped): end the session
    /// as for SIGHUP, whether or not that signal reached us.
    HangUp,
    /// Nothing to do (key release, unbound key, mouse, focus …).
    Ignore,
}

/// A terminal event with the moment it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamped {
    /// Taken immediately after the event was read, before any other work.
    pub at: Instant,
    /// What it means.
    pub action: Action,
}

/// Maps one crossterm event to an [`Action`] for answers given in `mode`
/// (`Typed` or `Spoken`; line input never comes through here).
#[must_use]
pub fn map(event: &ct::Event, mode: InputMode) -> Action {
    match event {
        ct::Event::Key(key) => map_key(key, mode),
        ct::Event::Paste(text) if mode == InputMode::Typed => {
            Action::Engine(Event::Paste(normalize_newlines(text)))
        }
        ct::Event::Resize(..) => Action::Resize,
        _ => Action::Ignore,
    }
}

fn map_key(key: &KeyEvent, mode: InputMode) -> Action {
    // Only presses count: terminals that report releases (kitty protocol,
    // Windows) would otherwise double every key, and auto-repeat is not a
    // deliberate key press.
    if key.kind != KeyEventKind::Press {
        return Action::Ignore;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    match key.code {
        KeyCode::Char('c' | 'C') if ctrl => Action::EndSession,
        // Ctrl-\ (byte 0x1c, which crossterm reports as Ctrl-4; `\` under
        // the kitty protocol) is SIGQUIT in a cooked terminal. In raw mode
        // it arrives as a key: it ends the session the same way Ctrl-C does.
        KeyCode::Char('4' | '\\') if ctrl => Action::EndSession,
        KeyCode::Enter => Action::Engine(Event::Submit),
        KeyCode::Esc => Action::Engine(Event::Skip),
        _ if mode == InputMode::Spoken => match key.code {
            KeyCode::Char(' ') if !ctrl && !alt => Action::Engine(Event::Mark),
            _ => Action::Ignore,
        },
        KeyCode::Tab => Action::Engine(Event::Hint),
        KeyCode::Backspace => Action::Engine(Event::Backspace),
        KeyCode::Delete => Action::Engine(Event::Delete),
        // Modified arrows (Shift, Ctrl) move one step too: there is no
        // selection or word jump, and a dropped key would feel broken.
        KeyCode::Left => Action::Engine(Event::Left),
        KeyCode::Right => Action::Engine(Event::Right),
        KeyCode::Home => Action::Engine(Event::Home),
        KeyCode::End => Action::Engine(Event::End),
        // Control letters arrive as the letter with CONTROL (crossterm maps
        // bytes 0x01–0x1a so): the readline keys a text field is expected
        // to have. Ctrl-H is what some terminals send for Backspace.
        KeyCode::Char('h') if ctrl => Action::Engine(Event::Backspace),
        KeyCode::Char('w') if ctrl => Action::Engine(Event::DeleteWord),
        KeyCode::Char('u') if ctrl => Action::Engine(Event::DeleteToStart),
        KeyCode::Char('a') if ctrl => Action::Engine(Event::Home),
        KeyCode::Char('e') if ctrl => Action::Engine(Event::End),
        // AltGr arrives as Ctrl+Alt on some platforms and must still type.
        KeyCode::Char(_) if ctrl != alt => Action::Ignore,
        KeyCode::Char(c) if !c.is_control() => Action::Engine(Event::Text(c.to_string())),
        _ => Action::Ignore,
    }
}

/// Terminals send pasted line breaks as `\r`; the answer stores `\n`.
fn normalize_newlines(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Waits up to `timeout` for one terminal event and stamps it the moment
/// it is read. `Ok(None)` when the timeout passed with no input, or a
/// signal (a resize, a SIGTERM) cut the wait short so the caller can look.
///
/// The waiting is done here, on standard input, not inside crossterm: its
/// event source loops forever on the zero-byte reads of a hung-up terminal,
/// so it is only asked once there is something to read (or it already
/// holds parsed events), and a hang-up is seen here first. `poll(2)` with a
/// nanosecond timeout also sleeps exactly, with no spinning at the end.
pub fn next(timeout: Duration, mode: InputMode) -> io::Result<Option<Stamped>> {
    // Several keys can arrive in one read; crossterm hands them out one by
    // one without touching the terminal again.
    if !ct::poll(Duration::ZERO)? {
        match wait_for_input(timeout)? {
            Wait::Ready => {}
            Wait::Quiet => return Ok(None),
            Wait::HungUp => {
                return Ok(Some(Stamped {
                    at: Instant::now(),
                    action: Action::HangUp,
                }));
            }
        }
        if !ct::poll(Duration::ZERO)? {
            // Readable, yet crossterm has no event: bytes it has not been
            // told about (its epoll is edge-triggered). A short nap keeps
            // this from becoming a busy loop until the next key wakes it.
            std::thread::sleep(Duration::from_millis(10));
            return Ok(None);
        }
    }
    let event = ct::read()?;
    let at = Instant::now();
    Ok(Some(Stamped {
        at,
        action: map(&event, mode),
    }))
}

/// What waiting on standard input found.
enum Wait {
    /// Input is waiting to be read.
    Ready,
    /// The timeout passed, or a signal interrupted the wait.
    Quiet,
    /// The terminal is gone (window closed, ssh dropped).
    HungUp,
}

fn wait_for_input(timeout: Duration) -> io::Result<Wait> {
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    let stdin = io::stdin();
    let mut fds = [PollFd::new(&stdin, PollFlags::IN)];
    let timeout = Timespec::try_from(timeout).ok();
    match poll(&mut fds, timeout.as_ref()) {
        Ok(0) => {}
        Ok(_) => {
            let got = fds[0].revents();
            if got.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) {
                return Ok(Wait::HungUp);
            }
            return Ok(Wait::Ready);
        }
        Err(rustix::io::Errno::INTR) => return Ok(Wait::Quiet),
        Err(e) => return Err(e.into()),
    }
    // Raw input only runs on a terminal, so standard input no longer being
    // one means it was hung up (its ioctls fail with EIO): a second check
    // for systems whose poll does not report the hang-up.
    if io::stdin().is_terminal() {
        Ok(Wait::Quiet)
    } else {
        Ok(Wait::HungUp)
    }
}

/// Throws away every event already waiting (keys typed before the question
/// was drawn, or before a prompt showed) — all but Ctrl-C: whoever pressed
/// it wants out, whenever they pressed it. Returns whether a Ctrl-C was
/// among them. Whatever crossterm could not make an event of is flushed
/// from the terminal's queue too.
pub fn drain() -> io::Result<bool> {
    let mut end_session = false;
    while ct::poll(Duration::ZERO)? {
        let event = ct::read()?;
        end_session |= map(&event, InputMode::Typed) == Action::EndSession;
    }
    discard_typeahead()?;
    Ok(end_session)
}

/// Flushes the terminal's input queue (`tcflush(TCIFLUSH)`): bytes typed
/// but not yet read by anyone. Called at every handover — before a prompt
/// reads keys, and before the terminal goes back to the shell — so that
/// keys meant for hotseat (say, typed on after a strict cut) never run as
/// a command. Does nothing when standard input is not a terminal.
pub fn discard_typeahead() -> io::Result<()> {
    let stdin = io::stdin();
    if !stdin.is_terminal() {
        return Ok(());
    }
    rustix::termios::tcflush(&stdin, rustix::termios::QueueSelector::IFlush)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEventState;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> ct::Event {
        ct::Event::Key(KeyEvent::new(code, modifiers))
    }

    fn typed(code: KeyCode) -> Action {
        map(&key(code, KeyModifiers::NONE), InputMode::Typed)
    }

    #[test]
    fn printable_text_of_any_script_is_text() {
        for c in ['a', 'Z', 'é', '日', '🚀', ' '] {
            assert_eq!(
                typed(KeyCode::Char(c)),
                Action::Engine(Event::Text(c.to_string()))
            );
        }
        let shifted = map(
            &key(KeyCode::Char('A'), KeyModifiers::SHIFT),
            InputMode::Typed,
        );
        assert_eq!(shifted, Action::Engine(Event::Text("A".into())));
    }

    #[test]
    fn editing_and_control_keys() {
        assert_eq!(typed(KeyCode::Enter), Action::Engine(Event::Submit));
        assert_eq!(typed(KeyCode::Esc), Action::Engine(Event::Skip));
        assert_eq!(typed(KeyCode::Tab), Action::Engine(Event::Hint));
        assert_eq!(typed(KeyCode::Backspace), Action::Engine(Event::Backspace));
        let ctrl = |c| {
            map(
                &key(KeyCode::Char(c), KeyModifiers::CONTROL),
                InputMode::Typed,
            )
        };
        assert_eq!(ctrl('w'), Action::Engine(Event::DeleteWord));
        assert_eq!(ctrl('h'), Action::Engine(Event::Backspace));
        assert_eq!(ctrl('c'), Action::EndSession);
        assert_eq!(
            ctrl('4'),
            Action::EndSession,
            "Ctrl-\\ as crossterm reports it"
        );
        assert_eq!(ctrl('\\'), Action::EndSession);
        assert_eq!(ctrl('x'), Action::Ignore);
        assert_eq!(
            map(
                &key(KeyCode::Char('b'), KeyModifiers::ALT),
                InputMode::Typed
            ),
            Action::Ignore
        );
        assert_eq!(typed(KeyCode::Up), Action::Ignore);
    }

    #[test]
    fn cursor_and_line_editing_keys() {
        assert_eq!(typed(KeyCode::Left), Action::Engine(Event::Left));
        assert_eq!(typed(KeyCode::Right), Action::Engine(Event::Right));
        assert_eq!(typed(KeyCode::Home), Action::Engine(Event::Home));
        assert_eq!(typed(KeyCode::End), Action::Engine(Event::End));
        assert_eq!(typed(KeyCode::Delete), Action::Engine(Event::Delete));
        let ctrl = |c| {
            map(
                &key(KeyCode::Char(c), KeyModifiers::CONTROL),
                InputMode::Typed,
            )
        };
        assert_eq!(ctrl('a'), Action::Engine(Event::Home));
        assert_eq!(ctrl('e'), Action::Engine(Event::End));
        assert_eq!(ctrl('u'), Action::Engine(Event::DeleteToStart));
        assert_eq!(
            map(&key(KeyCode::Left, KeyModifiers::SHIFT), InputMode::Typed),
            Action::Engine(Event::Left)
        );
        // Spoken answers have no text to edit.
        for code in [KeyCode::Left, KeyCode::Home, KeyCode::Delete] {
            assert_eq!(
                map(&key(code, KeyModifiers::NONE), InputMode::Spoken),
                Action::Ignore
            );
        }
    }

    #[test]
    fn altgr_characters_still_type() {
        let altgr = KeyModifiers::CONTROL | KeyModifiers::ALT;
        assert_eq!(
            map(&key(KeyCode::Char('€'), altgr), InputMode::Typed),
            Action::Engine(Event::Text("€".into()))
        );
    }

    #[test]
    fn only_presses_count() {
        for kind in [KeyEventKind::Release, KeyEventKind::Repeat] {
            let ev = ct::Event::Key(KeyEvent {
                code: KeyCode::Char('a'),
                modifiers: KeyModifiers::NONE,
                kind,
                state: KeyEventState::NONE,
            });
            assert_eq!(map(&ev, InputMode::Typed), Action::Ignore);
        }
    }

    #[test]
    fn paste_is_one_event_with_unix_newlines() {
        let ev = ct::Event::Paste("one\r\ntwo\rthree 🚀".into());
        assert_eq!(
            map(&ev, InputMode::Typed),
            Action::Engine(Event::Paste("one\ntwo\nthree 🚀".into()))
        );
        assert_eq!(map(&ev, InputMode::Spoken), Action::Ignore);
    }

    #[test]
    fn spoken_mode_space_marks_and_letters_do_nothing() {
        let spoken = |code| map(&key(code, KeyModifiers::NONE), InputMode::Spoken);
        assert_eq!(spoken(KeyCode::Char(' ')), Action::Engine(Event::Mark));
        assert_eq!(spoken(KeyCode::Enter), Action::Engine(Event::Submit));
        assert_eq!(spoken(KeyCode::Esc), Action::Engine(Event::Skip));
        assert_eq!(spoken(KeyCode::Char('a')), Action::Ignore);
        assert_eq!(spoken(KeyCode::Backspace), Action::Ignore);
        assert_eq!(spoken(KeyCode::Tab), Action::Ignore);
        assert_eq!(
            map(
                &key(KeyCode::Char('c'), KeyModifiers::CONTROL),
                InputMode::Spoken
            ),
            Action::EndSession
        );
    }

    #[test]
    fn resize_asks_for_a_redraw() {
        assert_eq!(
            map(&ct::Event::Resize(80, 24), InputMode::Typed),
            Action::Resize
        );
    }
}
