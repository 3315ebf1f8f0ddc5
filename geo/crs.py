"""Coordinate reference systems used for Syrian geometry.

Buffers and distances need metres and areas need an equal-area projection; degrees are only for
storage and the web. UTM zone 37N covers Syria with < 0.1 % scale error, which is far below the
approximation of the footprints; areas use a Lambert azimuthal equal-area projection centred on
Syria so that km² figures are exact for the shape drawn.
"""

from __future__ import annotations

import numpy as np
import shapely
from pyproj import Transformer

WGS84 = "EPSG:4326"
#: Metric CRS for buffering (UTM 37N).
METRIC = "EPSG:32637"
#: Equal-area CRS for km² (Lambert azimuthal equal-area centred on Syria).
EQUAL_AREA = "+proj=laea +lat_0=35 +lon_0=38.5 +datum=WGS84 +units=m +no_defs"

_TO_METRIC = Transformer.from_crs(WGS84, METRIC, always_xy=True)
_FROM_METRIC = Transformer.from_crs(METRIC, WGS84, always_xy=True)
_TO_EQUAL_AREA = Transformer.from_crs(WGS84, EQUAL_AREA, always_xy=True)


def to_metric(geom: shapely.Geometry) -> shapely.Geometry:
    return shapely.transform(geom, lambda xy: _stack(_TO_METRIC.transform(xy[:, 0], xy[:, 1])))


def from_metric(geom: shapely.Geometry) -> shapely.Geometry:
    return shapely.transform(geom, lambda xy: _stack(_FROM_METRIC.transform(xy[:, 0], xy[:, 1])))


def area_km2(geom: shapely.Geometry) -> float:
    """Area of a WGS84 geometry in square kilometres."""
    projected = shapely.transform(
        geom, lambda xy: _stack(_TO_EQUAL_AREA.transform(xy[:, 0], xy[:, 1]))
    )
    return float(shapely.area(projected)) / 1e6


def _stack(xy: tuple) -> np.ndarray:
    return np.column_stack(xy)
