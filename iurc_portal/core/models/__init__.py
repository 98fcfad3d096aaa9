from .images import CustomImage, CustomRendition, Licence
from .pages import BasePage, HomePage, StandardPage
from .site_settings import SiteSettings, SiteText
from .sorting import SortName
from .users import User

__all__ = [
    "BasePage",
    "CustomImage",
    "CustomRendition",
    "HomePage",
    "Licence",
    "SiteSettings",
    "SiteText",
    "SortName",
    "StandardPage",
    "User",
]
