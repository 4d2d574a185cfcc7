"""The kit's outputs, one module per kind: photos, logos, texts, social cards, QR codes,
posters, calendars, ``LEESMIJ.txt`` and the ZIP.

Each module declares its files: ``outputs(inputs)`` yields :class:`~campaignkit.kit.records.Output`
records (path, source, cache kind, key, maker) read from
:class:`~campaignkit.kit.inputs.KitInputs`, and ``entries(inputs, listing)`` says what the kit
page lists about them. :class:`~campaignkit.kit.runner.Runner` makes them all the same way.
"""
