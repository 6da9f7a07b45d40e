module sleepfix

go 1.25
