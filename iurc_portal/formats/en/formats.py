"""English dates as the EU writes them ("21 October 2026"), not Django's US default ("Oct. 21,
2026"). Other languages use Django's own formats for their locale (templates name DATE_FORMAT and
DATETIME_FORMAT, never a fixed pattern), so a Japanese page reads 2026年10月21日."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
