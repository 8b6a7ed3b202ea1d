from . import ops_store_sales_report
