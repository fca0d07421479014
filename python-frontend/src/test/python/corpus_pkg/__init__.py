def greet(who):
    return f"hello from corpus_pkg to {who}"
