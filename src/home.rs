//! Where the user's data lives: `--home`, else `$HOTSEAT_HOME`, else the
//! platform data directory (`~/.local/share/hotseat` on Linux).

use std::path::PathBuf;

/// Why no home folder could be chosen.
#[derive(Debug, thiserror::Error)]
pub enum HomeError {
    /// Neither a flag, the environment nor the platform gave a folder.
    #[error(
        "cannot tell where to keep hotseat's data: no home directory is known; pass --home DIR or set HOTSEAT_HOME"
    )]
    Unknown,
}

/// Resolves the home folder. `flag` is the value of `--home`; `env` the value
/// of `$HOTSEAT_HOME` (passed in so that tests need not touch the process
/// environment). An empty value counts as unset.
pub fn resolve(
    flag: Option<PathBuf>,
    env: Option<std::ffi::OsString>,
) -> Result<PathBuf, HomeError> {
    if let Some(dir) = flag.filter(|d| !d.as_os_str().is_empty()) {
        return Ok(dir);
    }
    if let Some(dir) = env.filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "hotseat")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .ok_or(HomeError::Unknown)
}

/// The folder of the user's own banks inside `home`.
#[must_use]
pub fn banks_dir(home: &std::path::Path) -> PathBuf {
    home.join("banks")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_wins_over_environment() {
        let got = resolve(Some("/a".into()), Some("/b".into())).unwrap();
        assert_eq!(got, PathBuf::from("/a"));
    }

    #[test]
    fn environment_used_without_flag() {
        let got = resolve(None, Some("/b".into())).unwrap();
        assert_eq!(got, PathBuf::from("/b"));
    }

    #[test]
    fn empty_values_fall_through_to_platform_dir() {
        let got = resolve(Some(PathBuf::new()), Some("".into())).unwrap();
        assert!(got.ends_with("hotseat"), "{got:?}");
    }
}
