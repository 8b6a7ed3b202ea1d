from . import test_contract_review
from . import test_supplier
from . import test_operator
from . import test_tour
