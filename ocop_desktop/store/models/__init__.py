"""All mapped classes; importing this module registers them on `Base.metadata`."""

from ocop_desktop.store.models.office import KeyRecord, Office, Officer
from ocop_desktop.store.models.producers import Producer, Product
from ocop_desktop.store.models.units import AdminUnit

__all__ = ["AdminUnit", "KeyRecord", "Office", "Officer", "Producer", "Product"]
