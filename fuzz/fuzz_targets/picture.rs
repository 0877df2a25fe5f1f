//! A picture under `content/`, as careersite reads and draws it afresh: whatever a camera, an
//! editor or a damaged download hands over must be drawn or refused, never crash. The reader of
//! each format's parts (which keeps the pixels and drops the metadata) is careersite's own.
#![no_main]

use std::path::Path;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let Ok(image) = careersite::images::Image::from_bytes(bytes, Path::new("fuzz"), "a.jpg") else {
        return;
    };
    // Larger pictures are refused by the decoder's limits, which only memory would test.
    if u64::from(image.width) * u64::from(image.height) <= 4_000_000 {
        let _ = image.draw(bytes);
    }
});
