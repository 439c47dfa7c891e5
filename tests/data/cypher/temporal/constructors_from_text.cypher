RETURN date('2015-W30-2'), date('2015202'), localdatetime('2015-W30T2140'), datetime('2015-07-21T21:40:32.142+02:00[Europe/Stockholm]')
