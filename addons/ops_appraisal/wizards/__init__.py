from . import ops_appraisal_dispute_wizard
from . import ops_appraisal_score_adjust_wizard
from . import ops_training_evaluation_wizard
