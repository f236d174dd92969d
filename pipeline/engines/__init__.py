"""Engines that spread the unit of work (``pipeline.batch.process_batch``) over machines."""
