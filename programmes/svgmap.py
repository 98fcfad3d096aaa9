"""A map of cities and pairing links drawn on the server as inline SVG.

No tiles, scripts or fonts from elsewhere: the land outline is Natural Earth's 1:110m land
(public domain), converted once by `tools/build_land_path.py` into a path stored in `data/`.
Everything is drawn in "map degrees" (equirectangular: x = longitude + 180, y = 90 - latitude),
so the same outline serves the world map and a region's close-up through the viewBox alone.
"""

import math
from dataclasses import dataclass, field
from functools import cache
from html import escape as esc
from pathlib import Path

from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from iurc_portal.core.languages import name_in_language
from iurc_portal.core.text import sort_key

LAND_PATH_FILE = Path(__file__).resolve().parent / "data" / "land-110m.svgpath"

# The world without the polar caps, where no partner city lies.
WORLD_BOX = (0.0, 6.0, 360.0, 142.0)  # x, y, width, height in map degrees (84°N to 58°S)


@cache
def land_path():
    try:
        return LAND_PATH_FILE.read_text().strip()
    except OSError:  # a missing outline makes a plainer map, not a broken page
        return ""


def project(latitude, longitude):
    return float(longitude) + 180.0, 90.0 - float(latitude)


def coordinates(latitude, longitude, compass=None):
    """“51.92° N, 4.48° E”; `compass` holds the four translated letters when called in a loop."""
    compass = compass or {key: _(key) for key in ("N", "S", "E", "W")}
    lat, lon = float(latitude), float(longitude)
    north_south = compass["N"] if lat >= 0 else compass["S"]
    east_west = compass["E"] if lon >= 0 else compass["W"]
    return f"{abs(lat):.2f}° {north_south}, {abs(lon):.2f}° {east_west}"


@dataclass
class MapCity:
    pk: int
    name: str
    url: str
    country: str
    latitude: float
    longitude: float
    side: str = ""  # "eu", "partner", "both" (on each side in different pairings) or "" (in no pairing)
    pairings: list = field(default_factory=list)  # (title, url) of the pairings it belongs to

    @property
    def x(self):
        return project(self.latitude, self.longitude)[0]

    @property
    def y(self):
        return project(self.latitude, self.longitude)[1]


@dataclass
class MapLink:
    a: MapCity
    b: MapCity
    title: str

    def path(self):
        """A gentle arc (quadratic curve) from a to b, bowing north so overlapping links stay apart."""
        x1, y1, x2, y2 = self.a.x, self.a.y, self.b.x, self.b.y
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy) or 1.0
        bow = 0.18 * length
        nx, ny = -dy / length, dx / length
        if ny > 0:  # choose the perpendicular that points up the map
            nx, ny = -nx, -ny
        cx, cy = (x1 + x2) / 2 + nx * bow, (y1 + y2) / 2 + ny * bow
        return f"M{x1:.2f} {y1:.2f}Q{cx:.2f} {cy:.2f} {x2:.2f} {y2:.2f}"


def fit_box(cities, padding=0.15, min_width=40.0, min_aspect=1.6, max_aspect=2.6):
    """The viewBox showing all `cities` with some margin, kept to a landscape shape."""
    if not cities:
        return WORLD_BOX
    xs = [c.x for c in cities]
    ys = [c.y for c in cities]
    left, right, top, bottom = min(xs), max(xs), min(ys), max(ys)
    width = max(right - left, min_width / (1 + 2 * padding))
    height = bottom - top
    width, height = width * (1 + 2 * padding), max(height * (1 + 2 * padding), 1.0)
    if width / height < min_aspect:
        width = height * min_aspect
    elif width / height > max_aspect:
        height = width / max_aspect
    width, height = min(width, WORLD_BOX[2]), min(height, 180.0)
    cx, cy = (left + right) / 2, (top + bottom) / 2
    x = min(max(cx - width / 2, 0.0), 360.0 - width)
    y = min(max(cy - height / 2, 0.0), 180.0 - height)
    return (round(x, 2), round(y, 2), round(width, 2), round(height, 2))


@dataclass
class SvgMap:
    cities: list
    links: list
    box: tuple = WORLD_BOX

    @property
    def viewbox(self):
        return " ".join(f"{v:g}" for v in self.box)

    @property
    def marker_radius(self):
        return round(max(self.box[2] / 260, 0.25), 3)

    @property
    def link_width(self):
        return round(max(self.box[2] / 900, 0.08), 3)

    @property
    def land(self):
        return land_path()

    # A map of a thousand cities is thousands of elements. They are written here with the
    # standard library's html.escape (what Django's escape does, without its lazy-string
    # checks), which is many times faster than a template loop or format_html per element;
    # svg_map.html holds the rest of the markup.
    def links_markup(self):
        return mark_safe(
            "".join(f'<path d="{link.path()}"><title>{esc(link.title)}</title></path>' for link in self.links)
        )

    def cities_markup(self):
        radius = f"{self.marker_radius:g}"
        return mark_safe(
            "".join(
                f'<a href="{esc(c.url)}" tabindex="-1"><title>{esc(c.name)}, {esc(c.country)}</title>'
                f'<circle class="pairing-map__city pairing-map__city--{esc(c.side or "none")}" '
                f'cx="{c.x:.2f}" cy="{c.y:.2f}" r="{radius}" data-city="{int(c.pk)}"/></a>'
                for c in self.cities
            )
        )

    def table_rows_markup(self):
        """The rows of the table alternative: place, country, coordinates, pairings."""
        compass = {key: _(key) for key in ("N", "S", "E", "W")}
        # The column names again on each cell: on phones the table is shown as one card per place.
        labels = (_("Country"), _("Coordinates"), _("Pairings"))
        country, where, pairings_label = (esc(label) for label in labels)
        rows = []
        for city in self.cities:
            pairings = ", ".join(f'<a href="{esc(url)}">{esc(title)}</a>' for title, url in city.pairings)
            place = coordinates(city.latitude, city.longitude, compass)
            rows.append(
                f'<tr><th scope="row"><a href="{esc(city.url)}">{esc(city.name)}</a></th>'
                f'<td data-label="{country}">{esc(city.country)}</td>'
                f'<td data-label="{where}">{esc(place)}</td>'
                f'<td data-label="{pairings_label}">{pairings or "—"}</td></tr>'
            )
        return mark_safe("\n".join(rows))

    @property
    def aspect_height(self):
        """Height in CSS pixels for a 1000-pixel width; avoids layout shift before the SVG paints."""
        return round(1000 * self.box[3] / self.box[2])


@dataclass(frozen=True)
class Place:
    """What a map needs of a city or pairing page, read as values without building the page."""

    pk: int
    title: str
    url: str
    country_name: str = ""
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True)
class Member:
    """A city's place in a pairing, as `Place`s (the shape of PairingMember the map reads)."""

    city: Place
    side: str
    pairing: Place


def build_map(members, *, request=None, extra_cities=(), fit=False):
    """A map from pairing members.

    `members` are `Member`s, or PairingMember rows with `city__country` and `pairing` loaded;
    `extra_cities` `Place`s or CityPages. Each pairing's
    EU-side cities are linked to its partner-side cities (every pair, for trios and clusters).
    `extra_cities` adds CityPage markers that are in no pairing shown. `fit` frames the map on
    all cities (True) or on a set of city ids instead of showing the world. Cities without
    coordinates are left off the map (the table alternative lists only what is drawn).
    """
    cities = {}
    by_pairing = {}

    def add_city(page, side=""):
        if page.latitude is None or page.longitude is None:
            return None
        city = cities.get(page.pk)
        if city is None:
            is_place = isinstance(page, Place)
            city = cities[page.pk] = MapCity(
                pk=page.pk,
                name=page.title,
                url=page.url if is_place else page.get_url(request),
                country=page.country_name if is_place else name_in_language(page.country, request),
                latitude=float(page.latitude),
                longitude=float(page.longitude),
                side=side,
            )
        elif side and city.side != side:
            city.side = "both" if city.side else side
        return city

    for member in members:
        city = add_city(member.city, member.side)
        if city is None:
            continue
        pairing = member.pairing
        entry = (pairing.title, pairing.url if isinstance(pairing, Place) else pairing.get_url(request))
        if entry not in city.pairings:
            city.pairings.append(entry)
        by_pairing.setdefault(pairing.pk, (pairing.title, []))[1].append((member.side, city))
    for page in extra_cities:
        add_city(page, "")

    links = []
    for title, sided in by_pairing.values():
        eu = [c for side, c in sided if side == "eu"]
        partners = [c for side, c in sided if side != "eu"]
        links.extend(MapLink(a, b, title) for a in eu for b in partners if a.pk != b.pk)

    ordered = sorted(cities.values(), key=lambda c: (sort_key(c.name), c.pk))
    if fit is True:
        box = fit_box(ordered)
    elif fit:  # a set of city ids: frame those, let the rest (e.g. distant partners) run off the edge
        box = fit_box([c for c in ordered if c.pk in fit])
    else:
        box = WORLD_BOX
    return SvgMap(cities=ordered, links=links, box=box)
