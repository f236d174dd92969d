"""Engines that spread the unit of work (``claimspan.batch.process_batch``) over machines."""
