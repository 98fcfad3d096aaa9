from .activities import ActivityIndexPage, ActivityPage, ActivityType
from .calls import CallIndexPage, CallPage, CallStatus
from .clusters import ClusterPage
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
from .resources import DocumentText, ResourceIndexPage, ResourcePage, ResourceType
from .taxonomies import SDG, Country, Theme, WorldRegion

__all__ = [
    "SDG",
    "ActivityIndexPage",
    "ActivityPage",
    "ActivityType",
    "CallIndexPage",
    "CallPage",
    "CallStatus",
    "CityIndexPage",
    "CityKind",
    "CityPage",
    "ClusterPage",
    "Country",
    "DocumentText",
    "PairingIndexPage",
    "PairingMember",
    "PairingPage",
    "PairingStatus",
    "ProgrammePage",
    "RegionIndexPage",
    "RegionPage",
    "ResourceIndexPage",
    "ResourcePage",
    "ResourceType",
    "Side",
    "Theme",
    "WorldRegion",
]
