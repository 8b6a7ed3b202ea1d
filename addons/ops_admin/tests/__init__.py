from . import test_travel
from . import test_expense
from . import test_equipment
from . import test_purchase_request
from . import test_tour
from . import test_reports
