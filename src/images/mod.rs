//! The school's pictures (JPEG, PNG and WebP under `content/`): never published as they were
//! taken. A phone's photo carries where it was taken (GPS) and the phone's details in its
//! metadata, is 4,000 pixels wide and several megabytes; a parent on a phone needs a few hundred
//! pixels, and nobody needs the location. So each picture is drawn afresh, turned the right way
//! up, at the widths a page needs, with no metadata at all; the file's own address serves the
//! largest of them.
//!
//! Reading a picture (here) hashes its bytes and reads its header: its size, which way up it is,
//! whether a camera took it. What that found is remembered by the file's size and time, so an
//! unchanged picture is not read again. Drawing it ([`encode`]) is the slow part, done once per
//! picture and kept in a [`cache`] by the hash, so that a build draws only pictures that changed.

pub mod cache;
mod encode;
mod exif;
mod strip;

use std::io::Cursor;
use std::path::{Path, PathBuf};

use image::metadata::Orientation;
use image::{ImageDecoder, ImageFormat, ImageReader, Limits};

use crate::diagnostic::Diagnostic;
pub use cache::Remembered;
use cache::Stamp;

/// The widths a picture is drawn at, in pixels, for `srcset`: a phone, a phone with a sharp
/// screen or a laptop's column, and a sharp laptop screen. The page's text column is 42rem
/// (672 px) wide, so nothing on a page is shown wider than about 1,600 device pixels.
pub const WIDTHS: [u32; 3] = [480, 960, 1600];
/// Changed whenever careersite draws pictures differently, so that every cached picture, and
/// every address made from a picture's hash, changes with it.
const DRAWING_VERSION: u8 = 1;
/// The largest picture careersite will open, side by side: a 200-megapixel phone photo is
/// 16,320 pixels wide. Anything larger is more likely a file made to exhaust the memory.
const LARGEST_SIDE: u32 = 20_000;
/// Memory a picture may take while it is opened (a 200-megapixel photo takes 600 MB).
const MOST_MEMORY: u64 = 1 << 30;

/// The kinds of picture careersite redraws. Each is drawn again in its own kind: a PNG logo
/// keeps its transparency, a JPEG photo stays a JPEG.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jpeg,
    Png,
    WebP,
}

impl Format {
    /// The kind a file's name says it is, if careersite redraws that kind.
    pub fn named(path: &str) -> Option<Format> {
        let extension = path.rsplit_once('.')?.1.to_ascii_lowercase();
        match extension.as_str() {
            "jpg" | "jpeg" => Some(Format::Jpeg),
            "png" => Some(Format::Png),
            "webp" => Some(Format::WebP),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Jpeg => "jpg",
            Format::Png => "png",
            Format::WebP => "webp",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Format::Jpeg => "JPEG",
            Format::Png => "PNG",
            Format::WebP => "WebP",
        }
    }

    fn of(format: ImageFormat) -> Option<Format> {
        match format {
            ImageFormat::Jpeg => Some(Format::Jpeg),
            ImageFormat::Png => Some(Format::Png),
            ImageFormat::WebP => Some(Format::WebP),
            _ => None,
        }
    }
}

/// A picture under `content/`, as its header describes it.
#[derive(Debug, Clone)]
pub struct Image {
    /// The file on disk.
    pub source: PathBuf,
    /// The path relative to `content/`, with `/` separators: `images/fair.jpg`. The published
    /// picture keeps this address.
    pub content_path: String,
    /// What the file's bytes say it is, whatever its name says.
    pub format: Format,
    /// The hash of the file's bytes and of how careersite draws pictures.
    pub hash: u128,
    /// The size the picture is shown at, turned the right way up, in pixels.
    pub width: u32,
    pub height: u32,
    orientation: Orientation,
    /// What the picture's metadata said of where it came from, before it was taken out.
    pub taken: Taken,
}

/// What a picture's metadata says of where it came from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Taken {
    /// It names the camera or phone that took it: most likely a photograph.
    pub by_camera: bool,
    /// It says where it was taken.
    pub at_a_place: bool,
}

impl Image {
    /// Reads the picture at `source` (shown to the careers leader as `shown`), published at
    /// `content_path`.
    /// `remembered`: what earlier reads found, so that a picture whose file has not changed
    /// is not read again.
    pub fn read(
        source: &Path,
        shown: &Path,
        content_path: &str,
        remembered: &Remembered,
    ) -> Result<Image, Diagnostic> {
        let stamp = Stamp::of(source);
        if let Some(image) = stamp.and_then(|s| remembered.recall(source, content_path, s)) {
            return Ok(image);
        }
        let bytes = std::fs::read(source).map_err(|err| Diagnostic::io("read", shown, &err))?;
        let image = Image::from_bytes(&bytes, source, content_path)
            .map_err(|problem| problem.in_file(shown))?;
        // The stamp from before the read: a file saved meanwhile has a newer one, and is read
        // again next time.
        if let Some(stamp) = stamp {
            remembered.remember(&image, stamp);
        }
        Ok(image)
    }

    /// The picture whose file holds `bytes`.
    pub fn from_bytes(
        bytes: &[u8],
        source: &Path,
        content_path: &str,
    ) -> Result<Image, Diagnostic> {
        let named = Format::named(content_path).unwrap_or(Format::Jpeg);
        let format = image::guess_format(bytes)
            .ok()
            .and_then(Format::of)
            .ok_or_else(|| not_a_picture(named))?;
        let mut decoder = decoder(bytes, format).map_err(|err| unreadable(format, &err))?;
        let orientation = decoder
            .orientation()
            .map_err(|err| unreadable(format, &err))?;
        let taken = decoder
            .exif_metadata()
            .ok()
            .flatten()
            .map(|exif| exif::taken(&exif))
            .unwrap_or_default();
        let (stored_width, stored_height) = decoder.dimensions();
        let (width, height) = if turns_sideways(orientation) {
            (stored_height, stored_width)
        } else {
            (stored_width, stored_height)
        };
        if width == 0 || height == 0 {
            return Err(not_a_picture(format));
        }
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        hasher.update(&[DRAWING_VERSION]);
        hasher.update(bytes);
        Ok(Image {
            source: source.to_path_buf(),
            content_path: content_path.to_string(),
            format,
            hash: hasher.digest128(),
            width,
            height,
            orientation,
            taken,
        })
    }

    /// The picture drawn afresh at each of [`Image::widths`], from its file's `bytes`.
    pub fn draw(&self, bytes: &[u8]) -> image::ImageResult<Vec<Vec<u8>>> {
        encode::draw(self, bytes, &self.widths())
    }

    /// The widths this picture is published at, narrowest first: those of [`WIDTHS`] below
    /// its own width, then the widest it is shown at. A picture is never drawn larger than
    /// it is.
    pub fn widths(&self) -> Vec<u32> {
        let widest = self.widest();
        let mut widths: Vec<u32> = WIDTHS.into_iter().filter(|&w| w < widest).collect();
        widths.push(widest);
        widths
    }

    /// The width of the largest version, which the picture's own address also serves.
    pub fn widest(&self) -> u32 {
        self.width.min(WIDTHS[WIDTHS.len() - 1])
    }

    /// The height of the version `width` pixels wide.
    pub fn height_at(&self, width: u32) -> u32 {
        let height = (u64::from(self.height) * u64::from(width) + u64::from(self.width) / 2)
            / u64::from(self.width);
        u32::try_from(height.max(1)).unwrap_or(u32::MAX)
    }

    /// Where the version `width` pixels wide is published: under a folder named by the
    /// picture's hash, so that a browser may keep it for as long as it likes, and a changed
    /// picture has a new address. `cached/3f9a0c21d4/fair-480.jpg`.
    pub fn published_at(&self, cached_folder: &str, width: u32) -> String {
        let name = self.content_path.rsplit('/').next().unwrap_or("");
        let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
        format!(
            "{cached_folder}/{}/{stem}-{width}.{}",
            &self.hex()[..10],
            self.format.extension()
        )
    }

    fn hex(&self) -> String {
        format!("{:032x}", self.hash)
    }
}

/// Opens `bytes` with limits on what a picture may make careersite allocate.
fn decoder(bytes: &[u8], format: Format) -> image::ImageResult<impl ImageDecoder + '_> {
    let mut reader = ImageReader::new(Cursor::new(bytes));
    reader.set_format(match format {
        Format::Jpeg => ImageFormat::Jpeg,
        Format::Png => ImageFormat::Png,
        Format::WebP => ImageFormat::WebP,
    });
    let mut limits = Limits::default();
    limits.max_image_width = Some(LARGEST_SIDE);
    limits.max_image_height = Some(LARGEST_SIDE);
    limits.max_alloc = Some(MOST_MEMORY);
    reader.limits(limits);
    reader.into_decoder()
}

fn turns_sideways(orientation: Orientation) -> bool {
    matches!(
        orientation,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    )
}

fn not_a_picture(named: Format) -> Diagnostic {
    Diagnostic::error(format!(
        "this file is named as a {} picture, but it is not a JPEG, PNG or WebP picture",
        named.label()
    ))
    .with_help("open it in a photo editor and save it as JPEG (for a photo) or PNG (for a logo or a diagram), or give it the right ending for what it is")
}

fn unreadable(format: Format, err: &image::ImageError) -> Diagnostic {
    let help = match err {
        image::ImageError::Limits(_) => format!(
            "the picture is too large to open: make it smaller than {LARGEST_SIDE} pixels a side in a photo editor (pages show pictures up to {} pixels wide)",
            WIDTHS[WIDTHS.len() - 1]
        ),
        _ => format!(
            "open it in a photo editor and save it again as {}",
            format.label()
        ),
    };
    Diagnostic::error(format!(
        "this {} picture cannot be read: {err}",
        format.label()
    ))
    .with_help(help)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn image(width: u32, height: u32) -> Image {
        Image {
            source: PathBuf::from("content/images/fair.jpg"),
            content_path: "images/fair.jpg".to_string(),
            format: Format::Jpeg,
            hash: 0x3f9a_0c21_d4aa_0000_0000_0000_0000_0001,
            width,
            height,
            orientation: Orientation::NoTransforms,
            taken: Taken::default(),
        }
    }

    #[test]
    fn a_picture_is_published_at_the_widths_below_its_own_and_never_enlarged() {
        assert_eq!(image(4000, 3000).widths(), [480, 960, 1600]);
        assert_eq!(image(1600, 900).widths(), [480, 960, 1600]);
        assert_eq!(image(1200, 900).widths(), [480, 960, 1200]);
        assert_eq!(image(480, 300).widths(), [480]);
        assert_eq!(image(200, 80).widths(), [200]);
    }

    #[test]
    fn heights_keep_the_pictures_shape() {
        let photo = image(4000, 3000);
        assert_eq!(photo.height_at(480), 360);
        assert_eq!(photo.height_at(1600), 1200);
        assert_eq!(image(3, 1000).height_at(1), 333);
        assert_eq!(image(1000, 1).height_at(480), 1);
    }

    #[test]
    fn each_version_has_an_address_of_its_own_named_by_the_pictures_hash() {
        let photo = image(4000, 3000);
        assert_eq!(
            photo.published_at("cached", 480),
            "cached/3f9a0c21d4/fair-480.jpg"
        );
    }

    fn fixture(name: &str) -> (Vec<u8>, Image) {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/images")
            .join(name);
        let bytes = std::fs::read(&path).unwrap();
        let image = Image::from_bytes(&bytes, &path, name).unwrap();
        (bytes, image)
    }

    fn holds(bytes: &[u8], needle: &[u8]) -> bool {
        bytes.windows(needle.len()).any(|window| window == needle)
    }

    #[test]
    fn every_format_is_drawn_the_right_way_up_without_its_metadata() {
        for name in ["small-photo.jpg", "small-photo.webp"] {
            let (bytes, image) = fixture(name);
            assert!(image.taken.by_camera && image.taken.at_a_place, "{name}");
            assert_eq!((image.width, image.height), (160, 120), "{name}");
            let drawn = image.draw(&bytes).unwrap();
            assert_eq!(drawn.len(), 1);
            for detail in [&b"Exif"[..], b"PhoneMaker", b"xmpmeta"] {
                assert!(!holds(&drawn[0], detail), "{name}");
            }
            let picture = image::load_from_memory(&drawn[0]).unwrap().into_rgb8();
            assert_eq!(picture.dimensions(), (160, 120), "{name}");
            let [red, green, _] = picture.get_pixel(3, 3).0;
            assert!(
                red > 200 && green < 80,
                "{name}: the red mark is at the top left"
            );
        }
    }

    #[test]
    fn a_logo_the_size_it_is_shown_keeps_its_own_smaller_pixels() {
        let (bytes, image) = fixture("logo.png");
        assert_eq!(image.taken, Taken::default());
        let drawn = image.draw(&bytes).unwrap();
        assert!(!holds(&drawn[0], b"A. Teacher"));
        assert!(holds(&drawn[0], b"PLTE"), "still the palette PNG it was");
        assert!(drawn[0].len() < bytes.len());
    }

    #[test]
    fn a_file_that_is_not_the_picture_its_name_says_is_refused() {
        let problem = Image::from_bytes(b"<html>", Path::new("x"), "images/fair.jpg").unwrap_err();
        assert!(problem.message.contains("not a JPEG, PNG or WebP"));
        let problem = Image::from_bytes(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0], Path::new("x"), "a.jpg")
            .unwrap_err();
        assert!(problem.message.contains("cannot be read"), "{problem:?}");
    }
}
