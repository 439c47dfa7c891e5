RETURN datetime.truncate('weekYear', datetime('2021-01-03T10:00[Asia/Tokyo]'), {day: 5}), localtime.truncate('millisecond', localtime('12:31:14.645876123'), {nanosecond: 2})
