//! A picture already the size a page shows it, and the right way up, need not be drawn again
//! to lose its metadata: its pixels are kept exactly as they are, and only the parts of the
//! file that describe what the pixels show, or what any viewer needs to show them, are
//! copied. Whatever else the file holds (EXIF, GPS, XMP, IPTC, comments, thumbnails, a
//! second picture after the first) is left behind. Each reader keeps what it knows, never
//! drops what it does not: an unknown part is left out.
//!
//! `None` from any of them means the file is not laid out as its format says; it is then
//! drawn afresh instead.

use super::Format;

pub fn without_metadata(format: Format, bytes: &[u8]) -> Option<Vec<u8>> {
    match format {
        Format::Jpeg => jpeg(bytes),
        Format::Png => png(bytes),
        Format::WebP => webp(bytes),
    }
}

/// JPEG segments (ITU-T T.81, annex B) a viewer needs: frame and scan headers, tables,
/// restart intervals, an ICC colour profile (APP2 `ICC_PROFILE`) and Adobe's colour transform
/// (APP14), which says how to read the colours. The JFIF header (APP0) may hold a thumbnail,
/// and is left out with the rest.
fn jpeg(bytes: &[u8]) -> Option<Vec<u8>> {
    if !bytes.starts_with(&[0xFF, 0xD8]) {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(&[0xFF, 0xD8]);
    let mut at = 2;
    loop {
        // Fill bytes (any number of 0xFF) may come before a marker.
        while bytes.get(at) == Some(&0xFF) && bytes.get(at + 1) == Some(&0xFF) {
            at += 1;
        }
        if *bytes.get(at)? != 0xFF {
            return None;
        }
        let marker = *bytes.get(at + 1)?;
        if marker == 0xD9 {
            out.extend_from_slice(&[0xFF, 0xD9]);
            return Some(out);
        }
        let length = usize::from(u16::from_be_bytes([
            *bytes.get(at + 2)?,
            *bytes.get(at + 3)?,
        ]));
        let segment = bytes.get(at..at.checked_add(2 + length)?)?;
        let body = segment.get(4..)?;
        let keep = match marker {
            0xC0..=0xCF | 0xDA | 0xDB | 0xDD => true,
            0xE2 => body.starts_with(b"ICC_PROFILE\0"),
            0xEE => body.starts_with(b"Adobe"),
            _ => false,
        };
        if keep {
            out.extend_from_slice(segment);
        }
        at += segment.len();
        if marker == 0xDA {
            // The scan's coded data runs to the next marker that is neither a stuffed 0xFF
            // (0xFF00) nor a restart (0xFFD0 to 0xFFD7); fill bytes before it are left out.
            let data_start = at;
            let is_marker =
                |at: usize| bytes[at] == 0xFF && !matches!(bytes[at + 1], 0x00 | 0xD0..=0xD7);
            while at + 1 < bytes.len() && !is_marker(at) {
                at += 1;
            }
            if at + 1 >= bytes.len() {
                return None;
            }
            out.extend_from_slice(&bytes[data_start..at]);
        }
    }
}

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// PNG chunks (ISO/IEC 15948, and the APNG extension) that say how to show the pixels:
/// the image, its palette and transparency, its colour space and any animation.
fn png(bytes: &[u8]) -> Option<Vec<u8>> {
    const KEPT: [&[u8; 4]; 15] = [
        b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP", b"sBIT",
        b"cICP", b"bKGD", b"acTL", b"fcTL", b"fdAT",
    ];
    let mut at = PNG_SIGNATURE.len();
    let mut out = bytes.get(..at).filter(|s| *s == PNG_SIGNATURE)?.to_vec();
    loop {
        let length = u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?);
        let kind: &[u8; 4] = bytes.get(at + 4..at + 8)?.try_into().ok()?;
        // The length, the kind, the data and a checksum.
        let end = at
            .checked_add(12)?
            .checked_add(usize::try_from(length).ok()?)?;
        let chunk = bytes.get(at..end)?;
        if KEPT.contains(&kind) {
            out.extend_from_slice(chunk);
        }
        if kind == b"IEND" {
            return Some(out);
        }
        at = end;
    }
}

/// WebP's RIFF chunks (RFC 9649) that make up the picture. The extended header (VP8X) is
/// told that the EXIF and XMP it may have announced are gone.
fn webp(bytes: &[u8]) -> Option<Vec<u8>> {
    const KEPT: [&[u8; 4]; 7] = [
        b"VP8 ", b"VP8L", b"VP8X", b"ALPH", b"ICCP", b"ANIM", b"ANMF",
    ];
    const EXIF_AND_XMP: u8 = 0x08 | 0x04;
    if bytes.get(..4)? != b"RIFF" || bytes.get(8..12)? != b"WEBP" {
        return None;
    }
    let riff_end = usize::try_from(u32::from_le_bytes(bytes.get(4..8)?.try_into().ok()?))
        .ok()?
        .checked_add(8)?;
    let mut chunks = Vec::with_capacity(bytes.len());
    let mut has_picture = false;
    let mut at = 12;
    while at < riff_end.min(bytes.len()) {
        let kind: &[u8; 4] = bytes.get(at..at + 4)?.try_into().ok()?;
        let size = usize::try_from(u32::from_le_bytes(
            bytes.get(at + 4..at + 8)?.try_into().ok()?,
        ))
        .ok()?;
        let data_end = at.checked_add(8)?.checked_add(size)?;
        let chunk = bytes.get(at..data_end)?;
        has_picture |= matches!(kind, b"VP8 " | b"VP8L" | b"ANMF");
        if KEPT.contains(&kind) {
            let start = chunks.len();
            chunks.extend_from_slice(chunk);
            // Chunks are padded to an even length; some writers leave out the last pad.
            if size % 2 == 1 {
                chunks.push(0);
            }
            if kind == b"VP8X" {
                *chunks.get_mut(start + 8)? &= !EXIF_AND_XMP;
            }
        }
        at = data_end + size % 2;
    }
    if !has_picture {
        return None;
    }
    let mut out = b"RIFF".to_vec();
    out.extend(u32::try_from(chunks.len() + 4).ok()?.to_le_bytes());
    out.extend_from_slice(b"WEBP");
    out.extend(chunks);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segment(marker: u8, body: &[u8]) -> Vec<u8> {
        let mut segment = vec![0xFF, marker];
        segment.extend(u16::try_from(body.len() + 2).unwrap().to_be_bytes());
        segment.extend_from_slice(body);
        segment
    }

    #[test]
    fn a_jpeg_keeps_its_pictures_segments_and_loses_everything_else() {
        let kept = [
            segment(0xDB, &[0; 65]),
            segment(0xC0, &[8, 0, 1, 0, 1, 1, 1, 0x11, 0]),
            segment(0xE2, b"ICC_PROFILE\0\x01\x01profile"),
            segment(0xC4, &[0; 20]),
            segment(0xDA, &[1, 1, 0, 0, 63, 0]),
        ];
        let dropped = [
            segment(0xE0, b"JFIF\0\x01\x01\0\0\x01\0\x01\x02\x02thumbnail"),
            segment(0xE1, b"Exif\0\0MM\0*GPS"),
            segment(0xE1, b"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>"),
            segment(0xED, b"Photoshop 3.0\0IPTC"),
            segment(0xFE, b"Taken at the school gate"),
            segment(0xE2, b"MPF\0second picture"),
        ];
        let scan = [0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56];
        let mut file = vec![0xFF, 0xD8];
        file.extend(dropped[0].clone());
        file.extend(dropped[1].clone());
        file.extend(kept[0].clone());
        file.extend(dropped[2].clone());
        file.extend(kept[1].clone());
        file.extend(kept[2].clone());
        file.extend(dropped[3].clone());
        file.extend(kept[3].clone());
        file.extend(dropped[4].clone());
        file.extend(dropped[5].clone());
        file.extend(kept[4].clone());
        file.extend(scan);
        file.extend([0xFF, 0xFF, 0xD9]);
        file.extend(b"a second picture after the end");

        let mut expected = vec![0xFF, 0xD8];
        kept.iter().for_each(|s| expected.extend(s));
        expected.extend(scan);
        expected.extend([0xFF, 0xD9]);
        assert_eq!(jpeg(&file), Some(expected));
    }

    #[test]
    fn a_png_keeps_its_pictures_chunks_and_loses_its_text_and_exif() {
        let chunk = |kind: &[u8; 4], data: &[u8]| {
            let mut chunk = u32::try_from(data.len()).unwrap().to_be_bytes().to_vec();
            chunk.extend(kind);
            chunk.extend(data);
            chunk.extend([0, 0, 0, 0]);
            chunk
        };
        let mut file = PNG_SIGNATURE.to_vec();
        let mut expected = PNG_SIGNATURE.to_vec();
        for (kind, data, kept) in [
            (b"IHDR", &b"header"[..], true),
            (b"tEXt", b"Author\0A. Teacher", false),
            (b"eXIf", b"MM\0*GPS", false),
            (b"PLTE", b"palette", true),
            (b"iTXt", b"XML:com.adobe.xmp", false),
            (b"IDAT", b"pixels", true),
            (b"tIME", b"when", false),
            (b"IEND", b"", true),
        ] {
            file.extend(chunk(kind, data));
            if kept {
                expected.extend(chunk(kind, data));
            }
        }
        file.extend(b"trailing");
        assert_eq!(png(&file), Some(expected));
    }

    #[test]
    fn a_webp_loses_its_exif_and_xmp_and_says_so_in_its_header() {
        let chunk = |kind: &[u8; 4], data: &[u8]| {
            let mut chunk = kind.to_vec();
            chunk.extend(u32::try_from(data.len()).unwrap().to_le_bytes());
            chunk.extend(data);
            if data.len() % 2 == 1 {
                chunk.push(0);
            }
            chunk
        };
        let riff = |chunks: Vec<u8>| {
            let mut file = b"RIFF".to_vec();
            file.extend(u32::try_from(chunks.len() + 4).unwrap().to_le_bytes());
            file.extend(b"WEBP");
            file.extend(chunks);
            file
        };
        let header = |flags: u8| chunk(b"VP8X", &[flags, 0, 0, 0, 9, 0, 0, 9, 0, 0]);
        let mut chunks = header(0x20 | 0x08 | 0x04);
        chunks.extend(chunk(b"ICCP", b"profile"));
        chunks.extend(chunk(b"VP8 ", b"pixels"));
        chunks.extend(chunk(b"EXIF", b"MM\0*GPS"));
        chunks.extend(chunk(b"XMP ", b"<x:xmpmeta/>"));
        let mut expected = header(0x20);
        expected.extend(chunk(b"ICCP", b"profile"));
        expected.extend(chunk(b"VP8 ", b"pixels"));
        assert_eq!(webp(&riff(chunks)), Some(riff(expected)));
    }

    #[test]
    fn files_cut_short_are_not_stripped_but_never_crash() {
        let mut file = vec![0xFF, 0xD8];
        file.extend(segment(0xDB, &[0; 65]));
        file.extend(segment(0xDA, &[1, 1, 0, 0, 63, 0]));
        file.extend([1, 2, 3, 0xFF, 0xD9]);
        assert!(jpeg(&file).is_some());
        for end in 0..file.len() - 1 {
            assert_eq!(jpeg(&file[..end]), None, "cut at {end}");
        }
        for format in [Format::Png, Format::WebP] {
            assert_eq!(without_metadata(format, b"RIFF\xff\xff\xff\xffWEBP"), None);
        }
    }
}
