"""Writes on the radiation register: X-ray devices, radiation workers and their doses (devices), and licences for
radiation work, their applications and decisions (licensing)."""

from registry.services.radiation.devices import *  # noqa: F403
from registry.services.radiation.devices import __all__ as _devices
from registry.services.radiation.licensing import *  # noqa: F403
from registry.services.radiation.licensing import __all__ as _licensing

__all__ = [*_devices, *_licensing]
