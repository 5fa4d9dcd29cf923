-- wrk script: POST the tutorial's sentence, as the front end does.
-- Every response that is not a 200 is counted by wrk as "Non-2xx".
wrk.method = "POST"
wrk.body = '{"sentence": "I love yogobella!"}'
wrk.headers["Content-Type"] = "application/json"
