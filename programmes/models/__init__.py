from .pages import (
    CityIndexPage,
    CityKind,
    CityPage,
    PairingIndexPage,
    PairingMember,
    PairingPage,
    PairingStatus,
    ProgrammePage,
    RegionIndexPage,
    RegionPage,
    Side,
)
from .taxonomies import SDG, Country, Theme, WorldRegion

__all__ = [
    "SDG",
    "CityIndexPage",
    "CityKind",
    "CityPage",
    "Country",
    "PairingIndexPage",
    "PairingMember",
    "PairingPage",
    "PairingStatus",
    "ProgrammePage",
    "RegionIndexPage",
    "RegionPage",
    "Side",
    "Theme",
    "WorldRegion",
]
