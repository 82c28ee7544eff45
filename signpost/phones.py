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

    @property
    def digits(self) -> str:
        """The number as one run of digits, as a reader may type it: 01225396313, 999. The
        search indexes it beside the spaced display, and reads +44 typed in a search as 0."""
        number = self.tel.removeprefix("tel:")
        return "0" + number[3:] if number.startswith("+44") else number


class PhoneError(ValueError):
    pass


# Numbers that can cost a caller far more than a normal call (09…, 084…, 087…).
_COSTLY = (phonenumbers.PhoneNumberType.PREMIUM_RATE, phonenumbers.PhoneNumberType.SHARED_COST)


def _free_short_number(number, digits: str) -> bool:
    """Short numbers a reader may be sent to: emergency (999, 112), NHS 111, the 116 helplines
    (free across Europe) and any the numbering metadata says are free to call."""
    return (shortnumberinfo.is_emergency_number(digits, REGION) or digits == "111"
            or digits.startswith("116")
            or shortnumberinfo.expected_cost_for_region(number, REGION) == shortnumberinfo.ShortNumberCost.TOLL_FREE)


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
        if phonenumbers.number_type(number) in _COSTLY:
            raise PhoneError(f"'{written}' is a premium-rate or shared-cost number: a call to it "
                             "can cost a worried reader a lot")
        display = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
        tel = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        return Phone(written, display, f"tel:{tel}")
    digits = str(number.national_number)
    if shortnumberinfo.is_valid_short_number_for_region(number, REGION) and len(digits) <= 6:
        if not _free_short_number(number, digits):
            raise PhoneError(f"'{written}' is a short number that may be charged (such as a "
                             "118 directory enquiry): give the service's own number instead")
        # Short numbers (999, 111, 116 123) are dialled as written, without a country code.
        return Phone(written, written.strip(), f"tel:{digits}")
    raise PhoneError(f"'{written}' is not a valid UK phone number")
