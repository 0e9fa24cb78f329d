from crawler.review.cli import main

main()
