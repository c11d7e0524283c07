//! The recognisers: each reads one form of figure at or around a number and
//! either pushes a figure or leaves the number to the next one. The driver
//! (`Extractor::after_number`) runs them in order.

pub(crate) mod age;
pub(crate) mod bare;
pub(crate) mod cents;
pub(crate) mod clock;
pub(crate) mod collective;
pub(crate) mod compound;
pub(crate) mod date;
pub(crate) mod debris;
pub(crate) mod exponent;
pub(crate) mod fraction;
pub(crate) mod identifier;
pub(crate) mod ip;
pub(crate) mod leading_decimal;
pub(crate) mod not_number;
pub(crate) mod noun;
pub(crate) mod ordinal;
pub(crate) mod phone;
pub(crate) mod proportion;
pub(crate) mod qualifier;
pub(crate) mod roman;
pub(crate) mod scale;
pub(crate) mod sign;
pub(crate) mod time_words;
pub(crate) mod unit;
pub(crate) mod year;

pub(crate) use fraction::vulgar_fraction;
pub(crate) use year::year_shaped;
