"""UK phone numbers: checked once with phonenumbers, shown in the national format, dialled via tel:."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from phonenumbers import shortnumberinfo

REGION = "GB"
_DIALLABLE = re.compile(r"\+?[\d\s()-]+")


@dataclass(frozen=True)
class Phone:
    """A checked phone number: what the file says, how to show it, and its tel: link."""

    written: str
    display: str
    tel: str


class PhoneError(ValueError):
    pass


@lru_cache(maxsize=4096)  # phonenumbers is slow; validation and model building parse each number
def parse_phone(written: str) -> Phone:
    """Parse a UK number (or an emergency/short number such as 999). Raises PhoneError."""
    # phonenumbers reads letters as keypad digits ("116 123 (free)" would dial a Leicester
    # number), so only digits, spaces, brackets, hyphens and a leading + are accepted.
    if not _DIALLABLE.fullmatch(written.strip()):
        raise PhoneError(f"'{written}' is not a phone number: only digits, spaces, brackets, "
                         "hyphens and a leading + can be dialled")
    try:
        number = phonenumbers.parse(written, REGION)
    except phonenumbers.NumberParseException:
        raise PhoneError(f"'{written}' is not a phone number") from None
    if phonenumbers.is_valid_number(number):
        if number.country_code != 44:
            raise PhoneError(f"'{written}' is not a UK number")
        display = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
        tel = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        return Phone(written, display, f"tel:{tel}")
    digits = str(number.national_number)
    if shortnumberinfo.is_valid_short_number_for_region(number, REGION) and len(digits) <= 6:
        # Short numbers (999, 111, 116 123) are dialled as written, without a country code.
        return Phone(written, written.strip(), f"tel:{digits}")
    raise PhoneError(f"'{written}' is not a valid UK phone number")
