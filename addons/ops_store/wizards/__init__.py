from . import ops_store_replenishment_wizard
