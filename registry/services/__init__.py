"""Every write on the registry: one function per use case, each owning its transaction. One module per sub-domain,
each re-exported here (as the selectors are) so that callers write `from registry import services`.

The notices' services (services/notices.py) are not re-exported: they are moving into the notice engine."""

from registry.services.instruments import *  # noqa: F403
from registry.services.instruments import __all__ as _instruments
from registry.services.organizations import *  # noqa: F403
from registry.services.organizations import __all__ as _organizations
from registry.services.radiation import *  # noqa: F403
from registry.services.radiation import __all__ as _radiation
from registry.services.two_factor import *  # noqa: F403
from registry.services.two_factor import __all__ as _two_factor

__all__ = [*_organizations, *_instruments, *_radiation, *_two_factor]
