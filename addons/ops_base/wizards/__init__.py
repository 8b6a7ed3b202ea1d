from . import ops_approval_reset
from . import comment_wizard
from . import forward_wizard
