from . import test_organisation
from . import test_replenishment
from . import test_cadence
from . import test_supervision
from . import test_tour
