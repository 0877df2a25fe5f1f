//! A school calendar file, as `careersite import events` reads it: whatever a calendar program
//! or a damaged download hands over must be read or refused, never crash or hang.
#![no_main]

use jiff::civil::date;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    if let Ok(text) = std::str::from_utf8(bytes) {
        let school_year = (date(2026, 9, 1), date(2027, 8, 31));
        let _ = careersite::import::calendar::read(text, school_year);
    }
});
