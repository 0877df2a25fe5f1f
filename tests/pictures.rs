//! Pictures as a parent's phone receives them: without the metadata a phone writes (where the
//! photo was taken, the phone, the photographer), the right way up, at the width the screen
//! needs, drawn once and never again until the picture changes.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{Run, TestSite, repo_root};
use image::GenericImageView;

/// A 4,000 by 3,000 phone photo, stored sideways with an Orientation tag, with GPS, the
/// phone's make and model, XMP and a comment (tests/fixtures/images/make-photo.py); a red
/// square marks its top left as a viewer should see it.
fn phone_photo() -> Vec<u8> {
    std::fs::read(repo_root().join("tests/fixtures/images/phone-photo.jpg")).unwrap()
}

/// What the phone photo's metadata holds, in any of its forms.
const PHONE_DETAILS: [&[u8]; 7] = [
    b"Exif",
    b"PhoneMaker",
    b"Phone 12",
    b"xmpmeta",
    b"A. Teacher",
    b"Careers fair, main hall",
    b"http://ns.adobe.com/xap/1.0/",
];

/// A site with one page showing `images/fair.jpg`, and a cache folder of its own.
struct PhotoSite {
    site: TestSite,
    cache: tempfile::TempDir,
}

impl PhotoSite {
    fn new(photo: &[u8]) -> Self {
        let site = TestSite::new();
        site.write("content/images/fair.jpg", photo).write(
            "content/news/fair.md",
            "---\ntitle: Our careers fair\n---\n\n![Pupils at the employers' stands](../images/fair.jpg)\n",
        );
        PhotoSite {
            site,
            cache: tempfile::tempdir().unwrap(),
        }
    }

    fn run(&self, args: &[&str]) -> Run {
        self.site
            .run_with(args, &[("XDG_CACHE_HOME", self.cache.path())])
    }

    fn build(&self) -> Run {
        self.run(&["build"]).success()
    }

    /// Every picture file in the built site, by its path there.
    fn pictures(&self) -> Vec<(String, Vec<u8>)> {
        self.site
            .snapshot()
            .into_iter()
            .filter(|(path, _)| path.ends_with(".jpg") || path.ends_with(".png"))
            .collect()
    }

    /// The pictures drawn and kept in the cache.
    fn cached_files(&self) -> Vec<PathBuf> {
        walkdir::WalkDir::new(self.cache.path())
            .into_iter()
            .map(Result::unwrap)
            .filter(|e| e.file_type().is_file() && e.path().extension().is_some())
            .map(|e| e.into_path())
            .collect()
    }
}

fn contains(bytes: &[u8], needle: &[u8]) -> bool {
    bytes.windows(needle.len()).any(|window| window == needle)
}

/// What exiftool, the reference EXIF reader, finds in `file` besides the file's own
/// particulars and what it works out from the pixels; `None` where it is not installed.
fn exiftool_metadata(file: &Path) -> Option<Vec<String>> {
    let output = Command::new("exiftool")
        .args(["-a", "-G1", "-s"])
        .arg(file)
        .output()
        .ok()?;
    let text = String::from_utf8(output.stdout).unwrap();
    Some(
        text.lines()
            .filter(|line| {
                !["[ExifTool]", "[System]", "[File]", "[Composite]", "[JFIF]"]
                    .iter()
                    .any(|group| line.starts_with(group))
            })
            .map(str::to_string)
            .collect(),
    )
}

#[test]
fn a_phone_photo_is_published_without_its_metadata_the_right_way_up_at_each_width() {
    let photo = PhotoSite::new(&phone_photo());
    let built = photo.build();
    assert!(
        built.stdout().contains("1 picture drawn afresh"),
        "{}",
        built.stdout()
    );

    let page = photo.site.page("news/fair/index.html");
    let srcset = &page.attrs("main img", "srcset")[0];
    let versions: Vec<(&str, &str)> = srcset
        .split(", ")
        .map(|version| version.split_once(' ').unwrap())
        .collect();
    let widths: Vec<&str> = versions.iter().map(|(_, width)| *width).collect();
    assert_eq!(widths, ["480w", "960w", "1600w"]);
    assert_eq!(page.attrs("main img", "width"), ["1600"]);
    assert_eq!(page.attrs("main img", "height"), ["1200"]);
    assert_eq!(
        page.attrs("main img", "alt"),
        ["Pupils at the employers\u{2019} stands"]
    );
    assert_eq!(page.attrs("main img", "src")[0], versions[2].0);

    for ((address, width), expected) in versions.iter().zip([480, 960, 1600]) {
        assert_eq!(*width, format!("{expected}w"));
        let file = photo.site.output().join("news/fair").join(address);
        let drawn = image::open(&file).unwrap();
        // Shown 4,000 by 3,000: stored 3,000 by 4,000 and turned.
        assert_eq!(
            drawn.dimensions(),
            (expected, expected * 3 / 4),
            "{address}"
        );
        let [red, green, blue, _] = drawn.get_pixel(expected / 50, expected / 50).0;
        assert!(
            red > 200 && green < 60 && blue < 60,
            "{address}: the top left should be the red mark, not {red},{green},{blue}"
        );
    }

    // The picture's own address serves the widest version.
    let own = photo.site.output().join("images/fair.jpg");
    assert_eq!(image::open(&own).unwrap().dimensions(), (1600, 1200));

    let pictures = photo.pictures();
    assert_eq!(
        pictures.len(),
        4,
        "{:?}",
        pictures.iter().map(|p| &p.0).collect::<Vec<_>>()
    );
    for (path, bytes) in &pictures {
        for detail in PHONE_DETAILS {
            assert!(
                !contains(bytes, detail),
                "{path} still holds {:?}",
                String::from_utf8_lossy(detail)
            );
        }
        match exiftool_metadata(&photo.site.output().join(path)) {
            Some(found) => assert!(found.is_empty(), "exiftool finds in {path}: {found:?}"),
            None => eprintln!(
                "exiftool is not installed (apt-get install libimage-exiftool-perl): {path} was checked byte by byte only"
            ),
        }
    }
}

#[test]
fn a_second_build_draws_nothing_again_and_writes_nothing() {
    let photo = PhotoSite::new(&phone_photo());
    photo.build();
    let cached: Vec<(PathBuf, std::time::SystemTime)> = photo
        .cached_files()
        .into_iter()
        .map(|file| {
            let modified = std::fs::metadata(&file).unwrap().modified().unwrap();
            (file, modified)
        })
        .collect();
    assert_eq!(cached.len(), 3, "{cached:?}");
    let before = photo.site.snapshot();

    let again = photo.build();
    assert!(
        !again.stdout().contains("drawn afresh") && again.stdout().contains(" 0 written"),
        "{}",
        again.stdout()
    );
    for (file, modified) in cached {
        assert_eq!(
            std::fs::metadata(&file).unwrap().modified().unwrap(),
            modified,
            "{} was written again",
            file.display()
        );
    }
    assert_eq!(photo.site.snapshot(), before);

    // The cache serves `check` and a build into another folder as well.
    let elsewhere = photo.site.root().join("elsewhere");
    let other = photo.run(&["build", "--output", elsewhere.to_str().unwrap()]);
    assert!(!other.success().stdout().contains("drawn afresh"));
    let checked = photo.run(&["check"]);
    assert!(!checked.stdout().contains("drawn afresh"));
}

#[test]
fn a_changed_photo_is_drawn_again_at_new_addresses_and_the_old_versions_go() {
    let photo = PhotoSite::new(&phone_photo());
    photo.build();
    let old = photo
        .site
        .page("news/fair/index.html")
        .attrs("main img", "src")[0]
        .clone();

    let mut changed = phone_photo();
    // A different comment: other bytes, the same picture.
    let at = changed
        .windows(b"main hall".len())
        .position(|w| w == b"main hall")
        .unwrap();
    changed[at..at + 9].copy_from_slice(b"side hall");
    photo.site.write("content/images/fair.jpg", &changed);
    assert!(photo.build().stdout().contains("1 picture drawn afresh"));

    let new = photo
        .site
        .page("news/fair/index.html")
        .attrs("main img", "src")[0]
        .clone();
    assert_ne!(new, old);
    let folder = |src: &str| {
        src.trim_start_matches("../../")
            .rsplit_once('/')
            .unwrap()
            .0
            .to_string()
    };
    assert!(!photo.site.exists(&folder(&old)), "{old} should be gone");
    assert!(photo.site.exists(new.trim_start_matches("../../")));
}

#[test]
fn the_same_photo_builds_the_same_bytes_with_or_without_a_cache() {
    let first = PhotoSite::new(&phone_photo());
    first.build();
    let second = PhotoSite::new(&phone_photo());
    second.build();
    assert_eq!(first.pictures(), second.pictures());
}

/// A PNG `width` by `height` of `pixel(x, y)`, with a text chunk naming its author.
fn png(width: u32, height: u32, pixel: impl Fn(u32, u32) -> [u8; 4]) -> Vec<u8> {
    let picture = image::RgbaImage::from_fn(width, height, |x, y| image::Rgba(pixel(x, y)));
    let mut bytes = Vec::new();
    picture
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .unwrap();
    // A tEXt chunk straight after the header: 13 bytes of data, so it starts at 8 + 25.
    let text = b"Author\0A. Teacher";
    let mut chunk = u32::try_from(text.len()).unwrap().to_be_bytes().to_vec();
    chunk.extend(b"tEXt");
    chunk.extend(text);
    chunk.extend([0, 0, 0, 0]);
    bytes.splice(33..33, chunk);
    bytes
}

#[test]
fn a_small_logo_keeps_its_transparency_and_loses_its_text() {
    let site = PhotoSite::new(&phone_photo());
    let logo = png(200, 80, |x, _| {
        if x < 100 {
            [0, 89, 79, 255]
        } else {
            [0, 0, 0, 0]
        }
    });
    site.site.write("content/images/logo.png", &logo);
    site.site.edit(
        "content/news/fair.md",
        "\n\n!",
        "\n\n![Riverside Academy](../images/logo.png)\n\n!",
    );
    site.build();
    let published = std::fs::read(site.site.output().join("images/logo.png")).unwrap();
    assert!(!contains(&published, b"A. Teacher"));
    let drawn = image::load_from_memory(&published).unwrap();
    assert_eq!(drawn.dimensions(), (200, 80));
    assert_eq!(
        drawn.get_pixel(150, 40).0[3],
        0,
        "the right half is transparent"
    );
    let page = site.site.page("news/fair/index.html");
    let logo_img = page.attrs("main img[alt='Riverside Academy']", "srcset");
    assert!(
        logo_img.is_empty(),
        "one version needs no srcset: {logo_img:?}"
    );
    assert_eq!(
        page.attrs("main img[alt='Riverside Academy']", "width"),
        ["200"]
    );
}

#[test]
fn a_picture_still_heavy_after_drawing_is_warned_of() {
    let site = PhotoSite::new(&phone_photo());
    // Noise does not compress: 1,600 by 1,000 pixels of it is megabytes as a PNG.
    let noise = png(1600, 1000, |x, y| {
        let n = (x.wrapping_mul(2_654_435_761) ^ y.wrapping_mul(40_503)).to_le_bytes();
        [n[0], n[1], n[2], 255]
    });
    site.site.write("content/images/chart.png", &noise);
    let checked = site.run(&["check"]);
    let out = checked.stdout();
    assert!(
        out.contains("warning[PICTURE-SIZE]: content/images/chart.png: this picture is still")
            && out.contains("more than the 300 KB a picture should be"),
        "{out}"
    );
}

#[test]
fn a_file_named_as_a_picture_that_is_not_one_is_refused_by_name() {
    let site = PhotoSite::new(b"<html><script>alert(1)</script></html>");
    let refused = site.run(&["build"]).failure();
    assert!(
        refused.stderr().contains("error: content/images/fair.jpg: this file is named as a JPEG picture, but it is not a JPEG, PNG or WebP picture"),
        "{}",
        refused.stderr()
    );
    assert!(!site.site.output().exists());
}

#[test]
fn a_heic_photo_with_metadata_stops_the_build_with_the_fix() {
    let site = PhotoSite::new(&phone_photo());
    site.site.write(
        "content/images/IMG_0001.HEIC",
        b"\0\0\0\x18ftypheic\0\0\0\0mif1heic....iinf....infe....Exif....",
    );
    let refused = site.run(&["build"]).failure();
    let err = refused.stderr();
    assert!(
        err.contains(
            "error: content/images/IMG_0001.HEIC: this picture carries metadata (EXIF or XMP)"
        ) && err.contains("save it as JPEG"),
        "{err}"
    );
}

#[test]
fn check_asks_who_is_in_a_photo_until_the_register_says() {
    let site = PhotoSite::new(&phone_photo());
    let asked = site.run(&["check"]).stdout();
    assert!(
        asked.contains("warning[PHOTO]: content/images/fair.jpg: this photo came from a camera or phone, and content/photos.yaml does not say whether pupils are in it"),
        "{asked}"
    );

    site.site.write(
        "content/photos.yaml",
        "photos:\n  - file: images/fair.jpg\n    pupils: yes\n  - file: images/gone.jpg\n    pupils: no\n",
    );
    let asked = site.run(&["check"]).stdout();
    assert!(
        asked.contains("warning[PHOTO]: content/photos.yaml:2:11: `images/fair.jpg` shows pupils, and no consent to publish it is noted"),
        "{asked}"
    );
    assert!(
        asked.contains(
            "warning[PHOTO]: content/photos.yaml:4:11: there is no photo content/images/gone.jpg"
        ),
        "{asked}"
    );

    site.site.write(
        "content/photos.yaml",
        "photos:\n  - file: images/fair.jpg\n    pupils: yes\n    consent: Forms in the school office\n",
    );
    assert!(!site.run(&["check"]).stdout().contains("PHOTO"));
}
