RETURN toIntegerOrNull('x'), toFloatList(['1.5', 'y']), char_length('été'), btrim('xax', 'x'), isEmpty([]),
       nullIf(1, 1), isNaN(0.0 / 0.0), size(randomUUID()), timestamp() > 0, round(2.5, 0, 'HALF_EVEN'),
       lTrim('  a'), rTrim('a  ', ' '), toBooleanOrNull('TRUE')
