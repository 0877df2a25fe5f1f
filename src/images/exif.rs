//! Just enough of EXIF (a TIFF directory of tags, CIPA DC-008) to tell whether a picture came
//! from a camera, and whether it says where it was taken: `check` asks the careers leader
//! about such photos. Nothing read here is published.

use super::Taken;

const MAKE: u16 = 0x010F;
const MODEL: u16 = 0x0110;
const GPS_DIRECTORY: u16 = 0x8825;

/// What the EXIF block `exif` (a TIFF header and its first directory, with or without the
/// `Exif\0\0` that precedes it in a JPEG) says of where the picture came from.
pub fn taken(exif: &[u8]) -> Taken {
    let tiff = exif.strip_prefix(b"Exif\0\0").unwrap_or(exif);
    let mut taken = Taken::default();
    for tag in first_directory_tags(tiff).unwrap_or_default() {
        match tag {
            MAKE | MODEL => taken.by_camera = true,
            GPS_DIRECTORY => taken.at_a_place = true,
            _ => {}
        }
    }
    taken
}

/// The tags of the first directory of a TIFF block; `None` if it is not one.
fn first_directory_tags(tiff: &[u8]) -> Option<Vec<u16>> {
    let big_endian = match tiff.get(..4)? {
        b"II*\0" => false,
        b"MM\0*" => true,
        _ => return None,
    };
    let u16_at = |at: usize| -> Option<u16> {
        let bytes: [u8; 2] = tiff.get(at..at + 2)?.try_into().ok()?;
        Some(if big_endian {
            u16::from_be_bytes(bytes)
        } else {
            u16::from_le_bytes(bytes)
        })
    };
    let bytes: [u8; 4] = tiff.get(4..8)?.try_into().ok()?;
    let directory = if big_endian {
        u32::from_be_bytes(bytes)
    } else {
        u32::from_le_bytes(bytes)
    };
    let directory = usize::try_from(directory).ok()?;
    let count = usize::from(u16_at(directory)?);
    // Each entry is 12 bytes: its tag, then the type, count and value or offset.
    (0..count)
        .map(|entry| u16_at(directory.checked_add(2 + entry * 12)?))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A little-endian TIFF block whose first directory holds `tags`.
    fn tiff(tags: &[u16]) -> Vec<u8> {
        let mut bytes = b"II*\0".to_vec();
        bytes.extend(8u32.to_le_bytes());
        bytes.extend(u16::try_from(tags.len()).unwrap().to_le_bytes());
        for &tag in tags {
            bytes.extend(tag.to_le_bytes());
            bytes.extend([0u8; 10]);
        }
        bytes.extend(0u32.to_le_bytes());
        bytes
    }

    #[test]
    fn a_phone_photo_says_what_took_it_and_where() {
        let mut jpeg = b"Exif\0\0".to_vec();
        jpeg.extend(tiff(&[MAKE, MODEL, 0x0112, GPS_DIRECTORY]));
        assert_eq!(
            taken(&jpeg),
            Taken {
                by_camera: true,
                at_a_place: true
            }
        );
    }

    #[test]
    fn a_screenshot_or_a_drawing_says_neither() {
        assert_eq!(taken(&tiff(&[0x0112, 0x8769])), Taken::default());
    }

    #[test]
    fn a_block_that_is_cut_short_or_not_tiff_says_nothing() {
        let whole = tiff(&[MAKE]);
        for end in 0..whole.len() - 4 {
            let _ = taken(&whole[..end]);
        }
        assert_eq!(taken(b"MM\0*\xff\xff\xff\xff"), Taken::default());
        assert_eq!(taken(b"not exif"), Taken::default());
    }
}
