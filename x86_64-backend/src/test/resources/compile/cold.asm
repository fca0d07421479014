; function %checked_sum(i64, i64) -> i64 {
; block0(v0: i64, v1: i64):
;     v2 = iconst.i64 0
;     jump block1(v2, v0)
; block1(v3: i64, v4: i64):
;     v5 = icmp_imm eq v4, 0
;     brif v5, block4, block2
; block2:
;     v6, v7 = iadd_overflow v3, v4
;     brif v7, block3, block5
; block3 cold:
;     v8 = iconst.i64 -1
;     return v8
; block5:
;     v9 = icmp_imm eq v1, 0
;     brif v9, block6, block7
; block6 cold:
;     v10 = iconst.i64 -2
;     return v10
; block7:
;     v11 = sdiv v6, v1
;     v12 = iadd_imm v4, -1
;     jump block1(v11, v12)
; block4:
;     return v3
; }
%checked_sum:
   0: push rbp
   1: mov rbp,rsp
   4: push r15
   6: sub rsp,0x18
   a: mov QWORD PTR [rbp-0x10],rdi
   e: mov QWORD PTR [rbp-0x18],rsi
  12: mov rdi,QWORD PTR [rip+0x237] # 0x250
  19: call QWORD PTR [rip+0x239] # 0x258
  1f: xor r15d,r15d
  22: test rax,rax
  25: je 0x2f
  2b: mov r15,QWORD PTR [rax+0x10]
  2f: mov rdi,QWORD PTR [rbp-0x10]
  33: mov rsi,QWORD PTR [rbp-0x18]
  37: call 0x45
  3c: mov r15,QWORD PTR [rbp-0x8]
  40: mov rsp,rbp
  43: pop rbp
  44: ret
  45: push rbp
  46: mov rbp,rsp
  49: cmp rsp,r15
  4c: jb 0xc3
  52: xor eax,eax
  54: test rdi,rdi
  57: je 0xa6
  5d: add rax,rdi
  60: seto cl
  63: test cl,cl
  65: jne 0xab
  6b: test rsi,rsi
  6e: je 0xb7
  74: mov rcx,rsi
  77: test rcx,rcx
  7a: je 0xcd
  80: cmp rcx,0xffffffffffffffff
  84: jne 0x98
  8a: neg rax
  8d: jo 0xd7
  93: jmp 0x9d
  98: cqo
  9a: idiv rcx
  9d: lea rcx,[rdi-0x1]
  a1: mov rdi,rcx
  a4: jmp 0x54
  a6: mov rsp,rbp
  a9: pop rbp
  aa: ret
  ab: mov rax,0xffffffffffffffff
  b2: mov rsp,rbp
  b5: pop rbp
  b6: ret
  b7: mov rax,0xfffffffffffffffe
  be: mov rsp,rbp
  c1: pop rbp
  c2: ret
  c3: mov eax,0x7
  c8: jmp 0x204
  cd: mov eax,0x1
  d2: jmp 0x204
  d7: mov eax,0x2
  dc: jmp 0x204

; function %threaded(i64) -> i64 {
; block0(v0: i64):
;     v1 = iconst.i64 0
;     brif v0, block3, block2
; block2:
;     jump block3
; block3:
;     jump block4
; block4:
;     jump block5(v1)
; block5(v2: i64):
;     v3 = iadd_imm v2, 3
;     v4 = icmp_imm slt v3, 10
;     brif v4, block6, block7
; block6:
;     jump block5(v3)
; block7:
;     return v3
; }
%threaded:
  f0: push rbp
  f1: mov rbp,rsp
  f4: push r15
  f6: sub rsp,0x8
  fa: mov QWORD PTR [rbp-0x10],rdi
  fe: mov rdi,QWORD PTR [rip+0x14b] # 0x250
 105: call QWORD PTR [rip+0x14d] # 0x258
 10b: xor r15d,r15d
 10e: test rax,rax
 111: je 0x11b
 117: mov r15,QWORD PTR [rax+0x10]
 11b: mov rdi,QWORD PTR [rbp-0x10]
 11f: call 0x12d
 124: mov r15,QWORD PTR [rbp-0x8]
 128: mov rsp,rbp
 12b: pop rbp
 12c: ret
 12d: push rbp
 12e: mov rbp,rsp
 131: cmp rsp,r15
 134: jb 0x15c
 13a: test rdi,rdi
 13d: jne 0x143
 143: xor eax,eax
 145: lea rax,[rax+0x3]
 149: cmp rax,0xa
 14f: jge 0x157
 155: jmp 0x145
 157: mov rsp,rbp
 15a: pop rbp
 15b: ret
 15c: mov eax,0x7
 161: jmp 0x204

