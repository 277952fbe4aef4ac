//! `--keep-audio`: each voice answer written as a 16 kHz mono 16-bit WAV
//! file under `<home>/audio/`, readable by the user alone (0600), its path
//! stored in the answer's `audio` field.

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter};
use std::path::{Path, PathBuf};

use super::SAMPLE_RATE;

/// The folder of kept recordings inside `home`.
#[must_use]
pub fn audio_dir(home: &Path) -> PathBuf {
    home.join("audio")
}

/// A file name for answer `number` to `question` (`category/id`) at
/// `stamp` (e.g. `20261201-210400`): only letters, digits, `-` and `_`.
#[must_use]
pub fn file_name(stamp: &str, number: usize, question: &str) -> String {
    let safe: String = format!("{stamp}-{number}-{question}")
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .take(120)
        .collect();
    format!("{safe}.wav")
}

/// A recording being kept.
pub struct Keeper {
    path: PathBuf,
    writer: Option<hound::WavWriter<BufWriter<File>>>,
}

impl std::fmt::Debug for Keeper {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Keeper")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl Keeper {
    /// Creates `path` (and its folder), 0600, refusing to overwrite.
    pub fn create(path: PathBuf) -> io::Result<Self> {
        use std::os::unix::fs::OpenOptionsExt as _;
        if let Some(dir) = path.parent() {
            use std::os::unix::fs::DirBuilderExt as _;
            // Recordings of the user's voice: the folder is theirs alone.
            std::fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(dir)?;
        }
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&path)?;
        let spec = hound::WavSpec {
            channels: 1,
            sample_rate: SAMPLE_RATE,
            bits_per_sample: 16,
            sample_format: hound::SampleFormat::Int,
        };
        let writer = hound::WavWriter::new(BufWriter::new(file), spec).map_err(to_io)?;
        Ok(Self {
            path,
            writer: Some(writer),
        })
    }

    /// Appends samples.
    pub fn write(&mut self, samples: &[i16]) -> io::Result<()> {
        if let Some(w) = &mut self.writer {
            for s in samples {
                w.write_sample(*s).map_err(to_io)?;
            }
        }
        Ok(())
    }

    /// Finishes the file (header sizes written) and returns its path.
    pub fn finish(mut self) -> io::Result<PathBuf> {
        if let Some(w) = self.writer.take() {
            w.finalize().map_err(to_io)?;
        }
        Ok(std::mem::take(&mut self.path))
    }

    /// Throws the file away (the answer was not saved).
    pub fn discard(mut self) {
        self.writer.take();
        let _ = std::fs::remove_file(&self.path);
    }
}

fn to_io(e: hound::Error) -> io::Error {
    match e {
        hound::Error::IoError(e) => e,
        other => io::Error::other(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_audio_is_a_private_wav_of_the_samples() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let path = audio_dir(dir.path()).join(file_name("20261201-210400", 1, "a/b c"));
        assert!(
            path.ends_with("audio/20261201-210400-1-a-b-c.wav"),
            "{path:?}"
        );
        let mut k = Keeper::create(path.clone()).unwrap();
        k.write(&[1, -2, 3]).unwrap();
        let got = k.finish().unwrap();
        assert_eq!(got, path);
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        let mut r = hound::WavReader::open(&path).unwrap();
        assert_eq!(r.spec().sample_rate, 16_000);
        let back: Vec<i16> = r.samples::<i16>().map(Result::unwrap).collect();
        assert_eq!(back, vec![1, -2, 3]);
    }
}
