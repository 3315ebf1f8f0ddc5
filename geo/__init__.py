"""Geography: governorates, approximate zone footprints, imported admin layers, lookups.

``geo.layers`` serves the shapes, ``geo.lookup`` answers point and name questions,
``geo.importer`` brings in authoritative boundary layers, ``geo.build`` rebuilds ``assets/geo``
and ``geo.preview`` draws a quick-look PNG. Nothing here processes text or touches the store.
"""
