//! Drawing a picture afresh: decoded, turned the right way up, scaled to each width and
//! encoded again in its own format. The encoders write the pixels and, if the picture had
//! one, its colour profile: nothing else of the original file reaches the site.

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::{CompressionType, FilterType as PngFilter, PngEncoder};
use image::codecs::webp::WebPEncoder;
use image::imageops::FilterType;
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageEncoder, ImageResult};

use super::{Format, Image, decoder, strip};

/// JPEG quality: a photo at 80 looks as it did at a phone's 90-plus, at a third of the bytes
/// (figures in BENCHMARKS.md).
const JPEG_QUALITY: u8 = 80;

/// The picture drawn at each of `widths` (in the order given), from the file's `bytes`.
pub fn draw(image: &Image, bytes: &[u8], widths: &[u32]) -> ImageResult<Vec<Vec<u8>>> {
    let mut decoder = decoder(bytes, image.format)?;
    let profile = decoder.icc_profile().ok().flatten();
    let mut picture = eight_bits(DynamicImage::from_decoder(decoder)?, image.format);
    picture.apply_orientation(image.orientation);
    let mut drawn: Vec<(u32, Vec<u8>)> = Vec::with_capacity(widths.len());
    let mut descending = widths.to_vec();
    descending.sort_unstable_by(|a, b| b.cmp(a));
    for width in descending {
        if width < picture.width() {
            // Each width is scaled from the one above it: as sharp, and far quicker than
            // scaling the whole photo each time.
            picture = picture.resize_exact(width, image.height_at(width), FilterType::Lanczos3);
        }
        let mut encoded = encode(&picture, image.format, profile.as_deref())?;
        if width == image.width && image.orientation == Orientation::NoTransforms {
            // Already the size it is shown at: its own pixels, without the metadata, may be
            // smaller than any drawing of them (an optimised PNG, a WebP drawn lossily).
            if let Some(kept) = strip::without_metadata(image.format, bytes)
                .filter(|kept| kept.len() <= encoded.len())
            {
                encoded = kept;
            }
        }
        drawn.push((width, encoded));
    }
    Ok(widths
        .iter()
        .map(|width| {
            let at = drawn.iter().position(|(w, _)| w == width);
            at.map(|at| std::mem::take(&mut drawn[at].1))
                .unwrap_or_default()
        })
        .collect())
}

/// The picture with eight bits to a channel, in the colours its format can hold: a JPEG has
/// no transparency; a sixteen-bit PNG would be twice the bytes for nothing a screen shows.
fn eight_bits(picture: DynamicImage, format: Format) -> DynamicImage {
    let grey = !picture.color().has_color();
    let alpha = picture.color().has_alpha() && format != Format::Jpeg;
    match (grey && format != Format::WebP, alpha) {
        (true, false) => DynamicImage::ImageLuma8(picture.into_luma8()),
        (true, true) => DynamicImage::ImageLumaA8(picture.into_luma_alpha8()),
        (false, false) => DynamicImage::ImageRgb8(picture.into_rgb8()),
        (false, true) => DynamicImage::ImageRgba8(picture.into_rgba8()),
    }
}

fn encode(picture: &DynamicImage, format: Format, profile: Option<&[u8]>) -> ImageResult<Vec<u8>> {
    let mut out = Vec::new();
    match format {
        Format::Jpeg => {
            write(
                JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY),
                picture,
                profile,
            )?;
        }
        Format::Png => write(
            PngEncoder::new_with_quality(&mut out, CompressionType::Default, PngFilter::Adaptive),
            picture,
            profile,
        )?,
        // The WebP encoder careersite can build without C code draws losslessly only.
        Format::WebP => write(WebPEncoder::new_lossless(&mut out), picture, profile)?,
    }
    Ok(out)
}

fn write(
    mut encoder: impl ImageEncoder,
    picture: &DynamicImage,
    profile: Option<&[u8]>,
) -> ImageResult<()> {
    if let Some(profile) = profile {
        // An encoder that cannot carry a profile draws the colours as the screen assumes.
        let _ = encoder.set_icc_profile(profile.to_vec());
    }
    encoder.write_image(
        picture.as_bytes(),
        picture.width(),
        picture.height(),
        picture.color().into(),
    )
}
