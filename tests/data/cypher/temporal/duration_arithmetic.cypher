UNWIND [duration('P1Y2.5M'), duration({weeks: 2.5, milliseconds: -1}), duration('P2012-02-02T14:37:21.545')] AS d RETURN d * 0.5, d / 3, date('2024-01-31') + d, d.nanosecondsOfSecond ORDER BY d
